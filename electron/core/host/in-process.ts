import { openCore, type Core, type CoreOptions } from '../app';
import { restoreBackup } from '../backup/restore';
import { systemClock } from '../clock';
import { openRestorableCore, type CoreConnection, type RestorableCore } from './restorable-core';

/** The core opened in this thread, as a host holds it; `core` for what only it offers (uploads). */
export interface InProcessConnection extends CoreConnection {
  readonly core: Core;
}

export function inProcessConnection(core: Core): InProcessConnection {
  return {
    core,
    invoke: (method, input, onProgress) =>
      core.invokeUnknown(method, input, onProgress ? { onProgress } : {}),
    close: () => core.close(),
  };
}

/**
 * Browser mode's core (and the tests'): opened in this thread, restorable (see
 * restorable-core.ts), the restore run here too, with the core closed for the swap.
 */
export function openInProcessCore(
  options: Omit<CoreOptions, 'restored'>,
): Promise<RestorableCore<InProcessConnection>> {
  const clock = options.clock ?? systemClock;
  return openRestorableCore({
    open: async (request) => inProcessConnection(await openCore({ ...options, ...request })),
    restore: (run) =>
      restoreBackup({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, ...run }),
    now: () => clock.now(),
  });
}
