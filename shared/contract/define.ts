import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Long-running methods report progress events while they work. */
  progress?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { progress?: boolean } = {},
): MethodSpec<I, O> {
  return { input, output, ...options };
}
