import { messageOf } from '../../shared/error-message';
import { ApiError } from '../api/bridge';
import type { FieldError } from './ErrorSummary';
import { capitalise } from './text';

interface Problem {
  path?: string;
  message: string;
  line?: number;
  column?: string;
}

/** `contacts[0].email` → `contacts`: the form field a problem's path starts from. */
export const firstPart = (path: string) => path.split(/[.[]/)[0] ?? '';

/** Turns the core's refusal into field errors, keyed by the first part of each problem's path. */
export function fieldErrorsFrom(
  error: unknown,
  fieldOf: (path: string) => string = firstPart,
): FieldError[] {
  if (error instanceof ApiError) {
    const problems = (error.details as { problems?: Problem[] } | undefined)?.problems;
    if (problems && problems.length > 0) {
      return problems.map((p) => ({ field: p.path ? fieldOf(p.path) : '', message: p.message }));
    }
    const field = (error.details as { field?: string } | undefined)?.field;
    return [{ field: field ? fieldOf(field) : '', message: error.message }];
  }
  return [{ field: '', message: messageOf(error) }];
}

/** The core's refusal as field errors, each message opening with a capital (see fieldErrorsFrom). */
export function capitalisedErrorsFrom(error: unknown): FieldError[] {
  return fieldErrorsFrom(error).map((e) => ({ ...e, message: capitalise(e.message) }));
}
