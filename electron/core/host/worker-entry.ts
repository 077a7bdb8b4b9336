import { join } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Result } from '../../../shared/result';
import { openCore } from '../app';
import { restoreBackup } from '../backup/restore';
import { errorShape, messageOf, refused } from '../errors';
import {
  restoreCommandSchema,
  workerRequestSchema,
  type RestoreReply,
  type RestoreTaskInit,
  type WorkerInit,
  type WorkerReply,
  type WorkerStart,
} from './messages';

/**
 * The core runs here, in a worker thread of the Electron main process, so a long import or
 * build never blocks the main process (and with it the window's input and painting). Started
 * with a restore task instead, the thread restores a backup while no core is open.
 */
const port = parentPort;
if (!port) throw new Error('the core worker must run as a worker thread');

// No top-level await: this file is bundled as CommonJS for Electron's main process.
const start = workerData as WorkerStart;
if ('task' in start) runRestore(port, start);
else serveCore(port, start);

function serveCore(port: MessagePort, init: WorkerInit): void {
  const post = (reply: WorkerReply) => port.postMessage(reply);
  // The PDF threads' script is bundled beside this one (dist/workers next to dist/electron, both
  // unpacked from the asar when packaged), unless the host says otherwise.
  openCore({ workersDir: join(__dirname, '..', 'workers'), ...init }).then(
    (core) => {
      let closed = false;
      const close = () => {
        if (!closed) core.close();
        closed = true;
      };
      port.on('message', (raw: unknown) => {
        const parsed = workerRequestSchema.safeParse(raw);
        if (!parsed.success) return;
        if (parsed.data.type === 'close') {
          close();
          post({ type: 'closed' });
          return;
        }
        const { requestId, method, input } = parsed.data;
        if (closed) {
          const result = { ok: false, error: refused('the records are closed').toShape() };
          post({ type: 'result', requestId, result });
          return;
        }
        void core
          .invokeUnknown(method, input, {
            onProgress: (p) => post({ type: 'progress', requestId, ...p }),
          })
          .then((result) => post({ type: 'result', requestId, result }));
      });
      port.on('close', close);
      post({ type: 'ready' });
    },
    (error: unknown) => post({ type: 'failed', message: messageOf(error) }),
  );
}

function runRestore(port: MessagePort, task: RestoreTaskInit): void {
  const post = (reply: RestoreReply) => port.postMessage(reply);
  let decide: ((go: boolean) => void) | null = null;
  port.on('message', (raw: unknown) => {
    const parsed = restoreCommandSchema.safeParse(raw);
    if (parsed.success) decide?.(parsed.data.type === 'swap');
  });
  restoreBackup({
    dataDir: task.dataDir,
    archive: task.archive,
    now: new Date(task.now),
    nativeBinding: task.nativeBinding,
    progress: (p) => post({ type: 'progress', ...p }),
    beforeSwap: () =>
      new Promise<void>((resolve, reject) => {
        decide = (go) => (go ? resolve() : reject(refused('the restore was abandoned')));
        post({ type: 'swap-ready' });
      }),
  })
    .then(
      (value): Result<typeof value> => ({ ok: true, value }),
      (error: unknown): Result<never> => ({ ok: false, error: errorShape(error) }),
    )
    .then((result) => {
      post({ type: 'result', result });
      // Nothing is left to wait for: closing the port lets the thread end.
      port.close();
    });
}
