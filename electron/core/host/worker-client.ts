import { Worker } from 'node:worker_threads';
import type { RestoreResult } from '../../../shared/contract/backup';
import type { Progress, Result } from '../../../shared/result';
import { AppError } from '../errors';
import type {
  RestoreCommand,
  RestoreReply,
  RestoreTaskInit,
  WorkerInit,
  WorkerReply,
  WorkerRequest,
} from './messages';
import { openRestorableCore, type RestorableCore, type RunRestore } from './restorable-core';

export interface CoreClient {
  invoke(
    method: string,
    input: unknown,
    onProgress?: (p: Progress) => void,
  ): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/** How long a worker gets to close its database before it is stopped anyway. */
const CLOSE_GRACE_MS = 10_000;

/** Starts the core in a worker thread; resolves once its database is open, rejects with why not. */
export function startCoreWorker(script: string, init: WorkerInit): Promise<CoreClient> {
  const worker = new Worker(script, { workerData: init });
  const send = (request: WorkerRequest) => worker.postMessage(request);
  const pending = new Map<
    number,
    { resolve: (r: Result<unknown>) => void; onProgress?: ((p: Progress) => void) | undefined }
  >();
  let nextId = 1;
  let exited = false;
  const closeWaiters: (() => void)[] = [];

  const failPending = (message: string) => {
    for (const p of pending.values())
      p.resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };

  return new Promise((resolveStart, rejectStart) => {
    worker.on('error', (error) => {
      rejectStart(error);
      failPending(error.message);
    });
    worker.on('exit', (code) => {
      exited = true;
      rejectStart(new Error(`the core stopped before it opened (exit code ${code})`));
      failPending('the core has stopped');
      for (const done of closeWaiters.splice(0)) done();
    });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        resolveStart({
          invoke(method, input, onProgress) {
            if (exited) {
              return Promise.resolve({
                ok: false,
                error: { code: 'internal', message: 'the core has stopped' },
              });
            }
            const requestId = nextId++;
            return new Promise((resolve) => {
              pending.set(requestId, { resolve, onProgress });
              send({ type: 'invoke', requestId, method, input });
            });
          },
          // The database is closed by its own thread (so the next open finds it closed cleanly),
          // then the thread is stopped.
          async close() {
            if (!exited) {
              await new Promise<void>((done) => {
                closeWaiters.push(done);
                setTimeout(done, CLOSE_GRACE_MS).unref();
                send({ type: 'close' });
              });
            }
            await worker.terminate();
          },
        });
      } else if (reply.type === 'failed') {
        rejectStart(new Error(reply.message));
      } else if (reply.type === 'closed') {
        for (const done of closeWaiters.splice(0)) done();
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

/** Restores a backup in a thread of its own, started from the core worker's script. */
export function restoreInWorker(
  script: string,
  init: Pick<WorkerInit, 'dataDir' | 'nativeBinding'>,
): RunRestore {
  return ({ archive, now, progress, beforeSwap }) =>
    new Promise<RestoreResult>((resolve, reject) => {
      const task: RestoreTaskInit = {
        task: 'restore',
        dataDir: init.dataDir,
        archive,
        now: now.toISOString(),
        nativeBinding: init.nativeBinding,
      };
      const worker = new Worker(script, { workerData: task });
      const send = (command: RestoreCommand) => worker.postMessage(command);
      let finished = false;
      /** Why the host gave up before the swap; the task's own failure then only echoes it. */
      let abandonedWith: unknown = null;
      worker.on('message', (reply: RestoreReply) => {
        if (reply.type === 'progress') {
          const { type: _type, ...step } = reply;
          progress(step);
        } else if (reply.type === 'swap-ready') {
          beforeSwap().then(
            () => send({ type: 'swap' }),
            (error: unknown) => {
              abandonedWith = error;
              send({ type: 'abandon' });
            },
          );
        } else {
          finished = true;
          const result: Result<RestoreResult> = reply.result;
          if (result.ok) resolve(result.value);
          else
            reject(
              abandonedWith ??
                new AppError(result.error.code, result.error.message, result.error.details),
            );
        }
      });
      worker.on('error', (error) => {
        if (!finished) reject(error);
        finished = true;
      });
      worker.on('exit', (code) => {
        if (!finished) {
          reject(new AppError('internal', `the restore stopped unexpectedly (exit code ${code})`));
        }
        finished = true;
      });
    });
}

/**
 * The desktop app's core: in a worker thread, restorable (see restorable-core.ts), each restore
 * run in a thread of its own and the core reopened in a fresh worker afterwards.
 */
export function openWorkerCore(
  script: string,
  init: WorkerInit,
): Promise<RestorableCore<CoreClient>> {
  return openRestorableCore({
    open: (request) => startCoreWorker(script, { ...init, ...request }),
    restore: restoreInWorker(script, init),
  });
}
