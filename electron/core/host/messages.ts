import { z } from 'zod';

/** Messages between the Electron main process and the core's worker thread. */
export const workerRequestSchema = z.object({
  type: z.literal('invoke'),
  requestId: z.number().int(),
  method: z.string(),
  input: z.unknown(),
});
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'progress'; requestId: number; phase: string; done: number; total: number }
  | { type: 'result'; requestId: number; result: unknown };

export interface WorkerInit {
  dataDir: string;
  resourcesDir: string;
  workersDir?: string | undefined;
  nativeBinding?: string | undefined;
}
