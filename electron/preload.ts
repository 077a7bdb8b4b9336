import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Kept in step with ipc.ts; a sandboxed preload cannot import other local modules at run time.
const INVOKE_CHANNEL = 'spqa:invoke';
const PROGRESS_CHANNEL = 'spqa:progress';

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

/** The whole surface the page gets: one frozen object with one call, no raw ipcRenderer. */
const api = Object.freeze({
  platform: 'desktop' as const,
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
