import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { answerChoosePath } from './choose-path';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop-bridge';
import type { CoreClient } from '../core/host/worker-client';

const invokeMessageSchema = z.object({
  requestId: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  input: z.unknown(),
});

const evidenceIdSchema = z.string().regex(/^evd_[0-9A-Z]+$/);

const NOT_OURS = {
  ok: false,
  error: { code: 'refused', message: 'calls are accepted only from the app’s own window' },
} as const;

/**
 * One channel carries every contract call. The message shape is parsed here and the input is
 * parsed again by the core against the method's own schema; only our own page may call.
 */
export function registerIpc(core: CoreClient, rendererIndex: string): void {
  const trustedUrl = pathToFileURL(rendererIndex).href;
  const fromOurWindow = (event: IpcMainInvokeEvent) =>
    event.senderFrame?.url.split('#')[0] === trustedUrl;

  ipcMain.handle(DESKTOP_CHANNELS.invoke, async (event: IpcMainInvokeEvent, raw: unknown) => {
    if (!fromOurWindow(event)) return NOT_OURS;
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
      if (!event.sender.isDestroyed()) {
        event.sender.send(DESKTOP_CHANNELS.progress, { requestId, ...progress });
      }
    });
  });

  // The native dialog for a folder or file, modal to the window that asked; the page gets only
  // the path the person chose (or null), and the core checks that path again when it is used.
  ipcMain.handle(DESKTOP_CHANNELS.choosePath, async (event: IpcMainInvokeEvent, raw: unknown) => {
    const owner = BrowserWindow.fromWebContents(event.sender);
    if (!fromOurWindow(event) || !owner) return NOT_OURS;
    return answerChoosePath(raw, (native) =>
      native.type === 'save'
        ? dialog.showSaveDialog(owner, native.options)
        : dialog.showOpenDialog(owner, native.options),
    );
  });

  // A copy named with its original name is opened, so the system picks the right viewer.
  ipcMain.handle(DESKTOP_CHANNELS.openEvidence, async (event: IpcMainInvokeEvent, raw: unknown) => {
    if (!fromOurWindow(event)) return NOT_OURS;
    const id = evidenceIdSchema.safeParse(raw);
    if (!id.success) {
      return { ok: false, error: { code: 'invalid_input', message: 'not an evidence id' } };
    }
    const copy = await core.invoke('evidence.exportCopy', { id: id.data });
    if (!copy.ok) return copy;
    const { path } = copy.value as { path: string };
    const failure = await shell.openPath(path);
    return failure
      ? { ok: false, error: { code: 'internal', message: failure } }
      : { ok: true, value: { path } };
  });
}
