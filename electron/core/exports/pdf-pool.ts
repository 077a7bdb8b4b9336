import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bundledWorker } from '../workers';
import { renderStoredCertificatePdf } from './certificate-pdf';
import { messageOf } from '../errors';

/** The bundled worker script, in the folder the hosts pass as `workersDir`. */
export const PDF_WORKER_FILE = 'certificate-pdf.cjs';

export interface PdfJob {
  id: number;
  /** The signed certificate as stored (JSON text), parsed in the worker. */
  document: string;
}
export type PdfReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

export interface PdfBatchOptions {
  resourcesDir: string;
  /** Where the bundled worker lives; without one (or without the file) PDFs render on this thread. */
  workersDir: string | null;
  /** At most this many threads; by default one per core the process may use, up to 8. */
  threads?: number;
}

/** Below this many PDFs, starting threads (about 100 ms each, fonts parsed afresh) costs more than it saves. */
const MIN_BATCH_FOR_THREADS = 8;
/** PDFs queued per thread, so a thread never waits for the next job after finishing one. */
const IN_FLIGHT_PER_THREAD = 2;

/** How many threads a batch of `count` PDFs gets. */
export function threadsFor(count: number, options: PdfBatchOptions): number {
  if (count < MIN_BATCH_FOR_THREADS || !bundledWorker(options.workersDir, PDF_WORKER_FILE))
    return 0;
  const wanted = options.threads ?? Math.min(availableParallelism(), 8);
  return Math.max(1, Math.min(wanted, Math.ceil(count / MIN_BATCH_FOR_THREADS)));
}

/**
 * Renders the certificates `documents` yields (signed JSON text, in order), handing each PDF to
 * `onPdf` as it is done, in the same order. The work is spread over worker threads, one per core,
 * while this thread reads and writes; `onPdf` is awaited before more work is queued, so a slow
 * disk holds the renderers back rather than let finished PDFs pile up in memory.
 * Resolves with the number of threads used (0: rendered on this thread); the first failure
 * stops the batch, ends every thread and rejects.
 */
export async function renderCertificatePdfs(
  documents: Iterable<string>,
  count: number,
  options: PdfBatchOptions,
  onPdf: (index: number, bytes: Uint8Array) => Promise<void>,
  /** Names the item at an index in error messages (e.g. its certificate number). */
  describe: (index: number) => string = (index) => `certificate ${index + 1} of ${count}`,
): Promise<number> {
  const threads = threadsFor(count, options);
  if (threads === 0) {
    let index = 0;
    for (const text of documents) {
      let bytes: Uint8Array;
      try {
        bytes = await renderStoredCertificatePdf(text, options.resourcesDir);
      } catch (error) {
        throw new Error(`${describe(index)} could not be rendered as a PDF: ${messageOf(error)}`);
      }
      await onPdf(index, bytes);
      index += 1;
    }
    return 0;
  }
  const script = bundledWorker(options.workersDir, PDF_WORKER_FILE) ?? '';
  const workers = Array.from(
    { length: threads },
    () => new Worker(script, { workerData: { resourcesDir: options.resourcesDir } }),
  );
  try {
    await runPool(workers, documents[Symbol.iterator](), onPdf, describe);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return threads;
}

/**
 * Hands jobs to the workers, collects replies, and delivers them in order. It settles only when
 * no delivery is under way, so once it has failed no file is still being written; reading the
 * next document may itself fail (a damaged page, say), which fails the batch like any other error.
 */
function runPool(
  workers: Worker[],
  source: Iterator<string>,
  onPdf: (index: number, bytes: Uint8Array) => Promise<void>,
  describe: (index: number) => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let nextId = 0;
    let nextToDeliver = 0;
    let exhausted = false;
    let failure: Error | null = null;
    let settled = false;
    let delivering = false;
    const inFlight = new Map<number, Worker>();
    const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
    const done = new Map<number, Uint8Array>();

    const settle = () => {
      if (settled || delivering) return;
      if (failure) {
        settled = true;
        source.return?.();
        reject(failure);
      } else if (exhausted && inFlight.size === 0 && done.size === 0) {
        settled = true;
        resolve();
      }
    };
    const fail = (error: Error) => {
      failure ??= error;
      settle();
    };

    // Queues work on every worker with room, as long as finished-but-undelivered PDFs stay few.
    const feed = () => {
      for (const worker of workers) {
        while (
          !failure &&
          !exhausted &&
          (busy.get(worker) ?? 0) < IN_FLIGHT_PER_THREAD &&
          done.size < workers.length * IN_FLIGHT_PER_THREAD
        ) {
          let next: IteratorResult<string>;
          try {
            next = source.next();
          } catch (error) {
            fail(error as Error);
            return;
          }
          if (next.done) {
            exhausted = true;
            break;
          }
          const job: PdfJob = { id: nextId, document: next.value };
          inFlight.set(nextId, worker);
          busy.set(worker, (busy.get(worker) ?? 0) + 1);
          nextId += 1;
          worker.postMessage(job);
        }
      }
      settle();
    };

    // Delivers finished PDFs strictly in order, one at a time.
    const deliver = async () => {
      if (delivering) return;
      delivering = true;
      try {
        let bytes = done.get(nextToDeliver);
        while (bytes && !failure) {
          done.delete(nextToDeliver);
          await onPdf(nextToDeliver, bytes);
          nextToDeliver += 1;
          bytes = done.get(nextToDeliver);
        }
      } catch (error) {
        failure ??= error as Error;
      } finally {
        delivering = false;
      }
      // A reply may have landed while the last file was being written.
      if (!failure && done.has(nextToDeliver)) void deliver();
      else if (!failure) feed();
      else settle();
    };

    for (const worker of workers) {
      worker.on('message', (reply: PdfReply) => {
        const owner = inFlight.get(reply.id);
        if (!owner) return;
        inFlight.delete(reply.id);
        busy.set(owner, (busy.get(owner) ?? 1) - 1);
        if ('error' in reply) {
          fail(new Error(`${describe(reply.id)} could not be rendered as a PDF: ${reply.error}`));
          return;
        }
        done.set(reply.id, reply.bytes);
        void deliver();
        feed();
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && (inFlight.size > 0 || !exhausted)) {
          fail(new Error(`a PDF rendering thread stopped unexpectedly (exit code ${code})`));
        }
      });
    }
    feed();
  });
}
