import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { messageOf } from '../errors';
import { renderStoredCertificatePdf } from './certificate-pdf';
import type { PdfJob, PdfReply } from './pdf-pool';

/**
 * A thread that renders certificate PDFs for pdf-pool.ts, so a batch uses every core while the
 * core's own thread keeps reading the database and writing files. It keeps no state but the
 * fonts it has parsed (certificate-pdf.ts caches them per process, hence per thread).
 */
const port = parentPort;
if (!port) throw new Error('the certificate PDF worker must run as a worker thread');
const { resourcesDir } = z.object({ resourcesDir: z.string() }).parse(workerData);

// Only pdf-pool.ts posts here; the envelope is still checked so a mistake fails loudly.
const jobSchema = z.object({ id: z.number().int(), document: z.string() });

port.on('message', (raw: unknown) => {
  const job: PdfJob = jobSchema.parse(raw);
  // A document that does not parse is that job's failure, answered like any other.
  renderStoredCertificatePdf(job.document, resourcesDir).then(
    (bytes) => {
      // The buffer is handed over, not copied.
      const reply: PdfReply = { id: job.id, bytes };
      port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: PdfReply = { id: job.id, error: messageOf(error) };
      port.postMessage(reply);
    },
  );
});
