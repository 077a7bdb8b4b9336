import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

// Kept in step with ipc.ts; a sandboxed preload cannot import other local modules at run time.
const INVOKE_CHANNEL = 'spqa:invoke';
const PROGRESS_CHANNEL = 'spqa:progress';
const OPEN_EVIDENCE_CHANNEL = 'spqa:open-evidence';
const CHOOSE_PATH_CHANNEL = 'spqa:choose-path';

interface ProgressMessage {
  requestId: number;
  phase: string;
  done: number;
  total: number;
}

type ProgressListener = (p: { phase: string; done: number; total: number }) => void;

const listeners = new Map<number, ProgressListener>();
let nextRequestId = 1;

ipcRenderer.on(PROGRESS_CHANNEL, (_event: IpcRendererEvent, message: ProgressMessage) => {
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
 */
const api = Object.freeze({
  platform: 'desktop' as const,
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  async openEvidence(id: string): Promise<unknown> {
    return ipcRenderer.invoke(OPEN_EVIDENCE_CHANNEL, id);
  },
  async choosePath(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(CHOOSE_PATH_CHANNEL, request);
  },
  async invoke(method: string, input: unknown, onProgress?: ProgressListener): Promise<unknown> {
    const requestId = nextRequestId++;
    if (onProgress) listeners.set(requestId, onProgress);
    try {
      return await ipcRenderer.invoke(INVOKE_CHANNEL, { requestId, method, input });
    } finally {
      listeners.delete(requestId);
    }
  },
});

contextBridge.exposeInMainWorld('spqa', api);
