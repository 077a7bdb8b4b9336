/** An error's message, whatever was thrown (an Error, a string, anything else). */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
