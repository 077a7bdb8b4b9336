import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { messageOf } from '../errors';
import type { OutputWriter } from './outputs';
import { ThreadFiles, type WrittenFile } from './staging';
import { openOutputs, orukServicesOf } from './thread-outputs';
import {
  THREAD_OUTPUT_KINDS,
  type ThreadOutput,
  type WriterReply,
  type WriterRequest,
} from './writer-thread';

/**
 * The thread of writer-thread.ts: the outputs it was given, over the staging folder the core's
 * thread made. It answers each chunk once written, and `finish` with the files' sizes and hashes.
 * Only writer-thread.ts starts it; its start data is still checked, so a mistake fails loudly.
 */
const port = parentPort;
if (!port) throw new Error('the register’s writers must run on a worker thread');
const start = z
  .object({
    dir: z.string(),
    outputs: z.array(z.object({ kind: z.enum(THREAD_OUTPUT_KINDS) }).passthrough()),
  })
  .parse(workerData) as { dir: string; outputs: ThreadOutput[] };
const files = new ThreadFiles(start.dir);
const reply = (message: WriterReply) => port.postMessage(message);

let writers: OutputWriter[] | null = null;
try {
  writers = openOutputs(files, start.outputs);
} catch (error) {
  files.abandon();
  reply({ type: 'failed', message: messageOf(error) });
}

port.on('message', (request: WriterRequest) => {
  if (!writers) return;
  try {
    if (request.type === 'add') {
      for (const writer of writers) writer.add(request.entries);
      reply({ type: 'added' });
    } else if (request.type === 'finish') {
      const written: WrittenFile[] = [];
      for (const writer of writers) written.push(...(writer.finish() as WrittenFile[]));
      reply({
        type: 'finished',
        files: written,
        orukServices: orukServicesOf(writers),
      });
    } else {
      files.abandon();
      writers = null;
      reply({ type: 'abandoned' });
    }
  } catch (error) {
    files.abandon();
    writers = null;
    reply({ type: 'failed', message: messageOf(error) });
  }
});
