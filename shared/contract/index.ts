import type { z } from 'zod';
import { assessmentMethods } from './assessments';
import { backupMethods } from './backup';
import { bundleMethods } from './bundles';
import { evidenceMethods } from './evidence';
import { accreditationMethods } from './accreditation';
import type { MethodSpec } from './define';
import { frameworkMethods } from './frameworks';
import { providerMethods } from './providers';
import { registerMethods } from './register';
import { systemMethods } from './system';

/**
 * Every request the UI, the browser bridge and the CLI can make, with its input and
 * output schemas. The core's handler table and the renderer's `invoke` are typed from it.
 */
export const contract = {
  ...systemMethods,
  ...frameworkMethods,
  ...providerMethods,
  ...assessmentMethods,
  ...evidenceMethods,
  ...accreditationMethods,
  ...registerMethods,
  ...backupMethods,
  ...bundleMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
