import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { openCore } from '../app';
import { workerRequestSchema, type WorkerInit, type WorkerReply } from './messages';

/**
 * The core runs here, in a worker thread of the Electron main process, so a long import or
 * build never blocks the main process (and with it the window's input and painting).
 */
const port = parentPort;
if (!port) throw new Error('the core worker must run as a worker thread');
const post = (reply: WorkerReply) => port.postMessage(reply);

// No top-level await: this file is bundled as CommonJS for Electron's main process.
// The PDF threads' script is bundled beside this one (dist/workers next to dist/electron, both
// unpacked from the asar when packaged), unless the host says otherwise.
const init = workerData as WorkerInit;
openCore({ workersDir: join(__dirname, '..', 'workers'), ...init }).then(
  (core) => {
    port.on('message', (raw: unknown) => {
      const parsed = workerRequestSchema.safeParse(raw);
      if (!parsed.success) return;
      const { requestId, method, input } = parsed.data;
      void core
        .invokeUnknown(method, input, {
          onProgress: (p) => post({ type: 'progress', requestId, ...p }),
        })
        .then((result) => post({ type: 'result', requestId, result }));
    });
    port.on('close', () => core.close());
    post({ type: 'ready' });
  },
  (error: unknown) => post({ type: 'failed', message: (error as Error).message }),
);
