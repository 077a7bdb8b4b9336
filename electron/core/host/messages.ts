import { z } from 'zod';
import type { RestoreResult } from '../../../shared/contract/backup';
import type { Result } from '../../../shared/result';
import type { RestoredFrom } from '../backup/restore-audit';

/** Messages between the Electron main process and the core's worker thread. */
export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('invoke'),
    requestId: z.number().int(),
    method: z.string(),
    input: z.unknown(),
  }),
  /** Close the database and say so; the main process then ends the thread. */
  z.object({ type: z.literal('close') }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'progress'; requestId: number; phase: string; done: number; total: number }
  | { type: 'result'; requestId: number; result: unknown }
  | { type: 'closed' };

export interface WorkerInit {
  dataDir: string;
  resourcesDir: string;
  workersDir?: string | undefined;
  nativeBinding?: string | undefined;
  /** Set when the core opens on data just restored from a backup (see restorable-core.ts). */
  restored?: RestoredFrom | undefined;
}

/**
 * The same script restores a backup when started with a task instead: the main process has no
 * database driver, and checking the backup's database must not block the window anyway.
 */
export interface RestoreTaskInit {
  task: 'restore';
  dataDir: string;
  archive: string;
  /** ISO time, for the name of the `before-restore-<time>/` folder. */
  now: string;
  nativeBinding?: string | undefined;
}

export type WorkerStart = WorkerInit | RestoreTaskInit;

/** From the main process to a restore task: go on with the swap, or give up (nothing swapped). */
export const restoreCommandSchema = z.object({ type: z.enum(['swap', 'abandon']) });
export type RestoreCommand = z.infer<typeof restoreCommandSchema>;

export type RestoreReply =
  | { type: 'progress'; phase: string; done: number; total: number }
  /** Every check passed: the task waits for `swap` (the core closed) or `abandon`. */
  | { type: 'swap-ready' }
  | { type: 'result'; result: Result<RestoreResult> };
