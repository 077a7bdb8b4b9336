import { Worker } from 'node:worker_threads';
import type { Progress, Result } from '../../../shared/result';
import type { WorkerInit, WorkerReply } from './messages';

export interface CoreClient {
  invoke(
    method: string,
    input: unknown,
    onProgress?: (p: Progress) => void,
  ): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/** Starts the core in a worker thread; resolves once its database is open, rejects with why not. */
export function startCoreWorker(script: string, init: WorkerInit): Promise<CoreClient> {
  const worker = new Worker(script, { workerData: init });
  const pending = new Map<
    number,
    { resolve: (r: Result<unknown>) => void; onProgress?: ((p: Progress) => void) | undefined }
  >();
  let nextId = 1;

  return new Promise((resolveStart, rejectStart) => {
    worker.on('error', (error) => {
      rejectStart(error);
      for (const p of pending.values())
        p.resolve({ ok: false, error: { code: 'internal', message: error.message } });
      pending.clear();
    });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        resolveStart({
          invoke(method, input, onProgress) {
            const requestId = nextId++;
            return new Promise((resolve) => {
              pending.set(requestId, { resolve, onProgress });
              worker.postMessage({ type: 'invoke', requestId, method, input });
            });
          },
          async close() {
            await worker.terminate();
          },
        });
      } else if (reply.type === 'failed') {
        rejectStart(new Error(reply.message));
      } else if (reply.type === 'progress') {
        const { requestId, type: _type, ...progress } = reply;
        pending.get(requestId)?.onProgress?.(progress);
      } else {
        pending.get(reply.requestId)?.resolve(reply.result as Result<unknown>);
        pending.delete(reply.requestId);
      }
    });
  });
}
