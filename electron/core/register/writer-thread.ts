import { Worker } from 'node:worker_threads';
import type { RegisterEntry } from '../../../shared/register/schema';
import type { OutputWriter } from './outputs';
import type { SiteAssets, SiteContext } from './site';
import type { WrittenFile } from './staging';

/** The bundled worker script, in the folder the hosts pass as `workersDir`. */
export const WRITER_WORKER_FILE = 'register-writers.cjs';

/** The outputs that can be written on the thread, with what each needs to start. */
export type ThreadOutput =
  | { kind: 'json'; header: { generatedAt: string; network: { name: string; keyId: string } } }
  | { kind: 'oruk' }
  | { kind: 'csv' }
  | { kind: 'html'; assets: SiteAssets; context: SiteContext };

/** Every kind of ThreadOutput, which the worker checks its start data against. */
export const THREAD_OUTPUT_KINDS = [
  'json',
  'oruk',
  'csv',
  'html',
] as const satisfies readonly ThreadOutput['kind'][];

export type WriterRequest =
  { type: 'add'; entries: readonly RegisterEntry[] } | { type: 'finish' } | { type: 'abandon' };

export type WriterReply =
  | { type: 'added' }
  | { type: 'finished'; files: WrittenFile[]; orukServices: number }
  | { type: 'abandoned' }
  | { type: 'failed'; message: string };

/** Chunks handed over and not yet written; past this, the build waits for the thread. */
const MAX_IN_FLIGHT = 2;

/**
 * Some of the register's outputs written on a thread of their own (writer-worker.ts runs them
 * there), in parallel with the core's thread reading the register and writing the signed status
 * list. They are most of a publication: at 100,000 certificates, JSON, CSV, Open Referral UK and
 * the web page are 746 of its 758 MiB. Reading is most of the core's thread's share (6 of its 9 s
 * in a profile at that size), so the writers all go here, which leaves the two about as busy.
 * Each chunk is copied to the thread as it is read; the build waits only when the thread falls
 * more than two chunks behind, so memory stays bounded.
 */
export class WriterThread implements OutputWriter {
  private readonly worker: Worker;
  private inFlight = 0;
  private failure: Error | null = null;
  private waiting: (() => void) | null = null;
  private settle: ((reply: WriterReply) => void) | null = null;
  private ended = false;
  /** Services in the Open Referral UK files, known once finished. */
  orukServices = 0;

  constructor(script: string, stagingDir: string, outputs: ThreadOutput[]) {
    this.worker = new Worker(script, {
      workerData: { dir: stagingDir, outputs },
    });
    this.worker.on('message', (reply: WriterReply) => {
      if (reply.type === 'added') {
        this.inFlight -= 1;
        this.wake();
      } else if (reply.type === 'failed') {
        this.fail(new Error(reply.message));
      } else {
        this.settle?.(reply);
      }
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.ended)
        this.fail(new Error(`the register's writer thread stopped (exit code ${code})`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
    this.settle?.({ type: 'failed', message: error.message });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  add(entries: readonly RegisterEntry[]): void {
    if (this.failure) throw this.failure;
    this.inFlight += 1;
    const request: WriterRequest = { type: 'add', entries };
    this.worker.postMessage(request);
  }

  /** Resolves once the thread is at most MAX_IN_FLIGHT chunks behind; rejects if it failed. */
  async caughtUp(): Promise<void> {
    while (this.inFlight > MAX_IN_FLIGHT && !this.failure)
      await new Promise<void>((resolve) => (this.waiting = resolve));
    if (this.failure) throw this.failure;
  }

  private request(request: WriterRequest): Promise<WriterReply> {
    return new Promise((resolve) => {
      this.settle = resolve;
      if (this.failure) resolve({ type: 'failed', message: this.failure.message });
      else this.worker.postMessage(request);
    });
  }

  async finish(): Promise<WrittenFile[]> {
    const reply = await this.request({ type: 'finish' });
    await this.end();
    if (reply.type !== 'finished')
      throw this.failure ?? new Error('the register’s writer thread did not finish');
    this.orukServices = reply.orukServices;
    return reply.files;
  }

  /** On failure: the thread closes its files (so the staging folder can go), then ends. */
  async abandon(): Promise<void> {
    if (this.ended) return;
    if (!this.failure) await this.request({ type: 'abandon' });
    await this.end();
  }

  private async end(): Promise<void> {
    this.ended = true;
    await this.worker.terminate();
  }
}
