import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  DESKTOP_CHANNELS,
  type DesktopBridge,
  type ProgressListener,
  type ProgressMessage,
} from '../../shared/contract/desktop-bridge';

const listeners = new Map<number, ProgressListener>();
let nextRequestId = 1;

ipcRenderer.on(DESKTOP_CHANNELS.progress, (_event: IpcRendererEvent, message: ProgressMessage) => {
  listeners.get(message.requestId)?.({
    phase: message.phase,
    done: message.done,
    total: message.total,
  });
});

/**
 * The whole surface the page gets: one frozen object, no raw ipcRenderer. Besides contract calls,
 * the only shell abilities are finding a dropped or picked file's path (so the core can stream it
 * from disk rather than the page reading it into memory), opening evidence in the system viewer,
 * and the native dialog for choosing a folder or file (the main process checks the request).
 * The bundle inlines the shared constants and types, which a sandboxed preload could not load.
 */
const api = Object.freeze({
  platform: 'desktop',
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  async openEvidence(id: string): Promise<unknown> {
    return ipcRenderer.invoke(DESKTOP_CHANNELS.openEvidence, id);
  },
  async choosePath(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(DESKTOP_CHANNELS.choosePath, request);
  },
  async invoke(method: string, input: unknown, onProgress?: ProgressListener): Promise<unknown> {
    const requestId = nextRequestId++;
    if (onProgress) listeners.set(requestId, onProgress);
    try {
      return await ipcRenderer.invoke(DESKTOP_CHANNELS.invoke, { requestId, method, input });
    } finally {
      listeners.delete(requestId);
    }
  },
} satisfies DesktopBridge);

contextBridge.exposeInMainWorld('spqa', api);
