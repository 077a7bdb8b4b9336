import type { z } from 'zod';

/** Renders a zod issue path as `domains[0].standards[2].code`, the way people read JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export interface FieldProblem {
  path: string;
  message: string;
}

export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** One line naming the first problem (and how many more), for stderr and toasts. */
export function summariseProblems(problems: readonly FieldProblem[]): string {
  const first = problems[0];
  if (!first) return 'invalid input';
  const head = first.path ? `${first.path}: ${first.message}` : first.message;
  return problems.length > 1 ? `${head} (and ${problems.length - 1} more)` : head;
}
