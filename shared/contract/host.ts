import { backupHostMethods } from './backup';
import type { MethodSpec } from './define';

/**
 * The requests the host around the core answers itself (see electron/core/host/), because the
 * core cannot: restoring a backup replaces the database the core holds open. A file of its own,
 * so the Electron main process, which answers them, loads these schemas and no others.
 */
export const hostContract = {
  ...backupHostMethods,
} satisfies Record<string, MethodSpec>;

export type HostMethod = keyof typeof hostContract;

export function isHostMethod(name: string): name is HostMethod {
  return Object.prototype.hasOwnProperty.call(hostContract, name);
}
