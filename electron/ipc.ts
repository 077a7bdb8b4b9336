import { pathToFileURL } from 'node:url';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { CoreClient } from './core/host/worker-client';

export const INVOKE_CHANNEL = 'spqa:invoke';
export const PROGRESS_CHANNEL = 'spqa:progress';

const invokeMessageSchema = z.object({
  requestId: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  input: z.unknown(),
});

/**
 * One channel carries every contract call. The message shape is parsed here and the input is
 * parsed again by the core against the method's own schema; only our own page may call.
 */
export function registerIpc(core: CoreClient, rendererIndex: string): void {
  const trustedUrl = pathToFileURL(rendererIndex).href;
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, raw: unknown) => {
    const frameUrl = event.senderFrame?.url.split('#')[0];
    if (frameUrl !== trustedUrl) {
      return {
        ok: false,
        error: { code: 'refused', message: 'calls are accepted only from the app’s own window' },
      };
    }
    const parsed = invokeMessageSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'malformed request',
          details: parsed.error.issues,
        },
      };
    }
    const { requestId, method, input } = parsed.data;
    return core.invoke(method, input, (progress) => {
      if (!event.sender.isDestroyed())
        event.sender.send(PROGRESS_CHANNEL, { requestId, ...progress });
    });
  });
}
