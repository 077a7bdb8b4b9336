import { ApiError } from '../api/bridge';
import type { FieldError } from './ErrorSummary';

interface Problem {
  path?: string;
  message: string;
  line?: number;
  column?: string;
}

/** Turns the core's refusal into field errors, keyed by the first part of each problem's path. */
export function fieldErrorsFrom(
  error: unknown,
  fieldOf: (path: string) => string = (p) => p.split(/[.[]/)[0] ?? '',
): FieldError[] {
  if (error instanceof ApiError) {
    const problems = (error.details as { problems?: Problem[] } | undefined)?.problems;
    if (problems && problems.length > 0) {
      return problems.map((p) => ({ field: p.path ? fieldOf(p.path) : '', message: p.message }));
    }
    const field = (error.details as { field?: string } | undefined)?.field;
    return [{ field: field ? fieldOf(field) : '', message: error.message }];
  }
  return [{ field: '', message: error instanceof Error ? error.message : String(error) }];
}
