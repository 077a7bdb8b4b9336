import type { z } from 'zod';
import { messageOf } from '../../shared/error-message';
import type { AppErrorShape, ErrorCode } from '../../shared/result';
import { problemsFromZod, summariseProblems } from '../../shared/validation/issues';

/** An expected failure with a message meant for the person who caused it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const invalid = (message: string, details?: unknown) =>
  new AppError('invalid_input', message, details);
export const notFound = (what: string, id: string) =>
  new AppError('not_found', `no ${what} with id "${id}"`);
export const conflict = (message: string, details?: unknown) =>
  new AppError('conflict', message, details);
export const refused = (message: string, details?: unknown) =>
  new AppError('refused', message, details);

export { messageOf };

/**
 * What a caller is told of a failure: an AppError as it is, anything else as an internal error
 * with its message (the core, its hosts and the browser bridge all answer this way).
 */
export function errorShape(error: unknown): AppErrorShape {
  return error instanceof AppError
    ? error.toShape()
    : { code: 'internal', message: messageOf(error) };
}

export function fromZod(error: z.ZodError, prefix?: string): AppError {
  const problems = problemsFromZod(error);
  const summary = summariseProblems(problems);
  return invalid(prefix ? `${prefix}: ${summary}` : summary, { problems });
}
