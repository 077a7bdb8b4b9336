/** The one shape every request returns, across IPC, HTTP and the CLI. */
export type ErrorCode =
  'invalid_input' | 'not_found' | 'conflict' | 'refused' | 'verification_failed' | 'internal';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export interface Progress {
  phase: string;
  done: number;
  total: number;
}
