import type { z } from 'zod';
import { assessmentMethods } from './assessments';
import { backupMethods } from './backup';
import { bundleMethods } from './bundles';
import { evidenceMethods } from './evidence';
import { accreditationMethods } from './accreditation';
import type { MethodSpec } from './define';
import { frameworkMethods } from './frameworks';
import { hostContract, isHostMethod, type HostMethod } from './host';
import { providerMethods } from './providers';
import { registerMethods } from './register';
import { systemMethods } from './system';

/**
 * The requests the core answers, with their input and output schemas. The core's handler table
 * is typed from these (a missing handler is a type error), and the CLI calls them.
 */
export const coreContract = {
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

/** Every request the UI can make, through the desktop bridge or browser mode; `invoke` is typed from it. */
export const contract = { ...coreContract, ...hostContract };

export type Contract = typeof contract;
export type Method = keyof Contract;
export type CoreMethod = keyof typeof coreContract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function isCoreMethod(name: string): name is CoreMethod {
  return Object.prototype.hasOwnProperty.call(coreContract, name);
}

export { hostContract, isHostMethod, type HostMethod };
