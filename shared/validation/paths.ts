import { z } from 'zod';

/** The longest path taken: Linux's PATH_MAX, beyond which no file can be named anyway. */
export const PATH_MAX = 4096;

/** A path a person types or picks; `missing` says what to name when it is left empty. */
export const typedPathSchema = (missing: string) =>
  z.string().trim().min(1, missing).max(PATH_MAX, `a path is at most ${PATH_MAX} characters`);

/** A path passed on as it was given (by a file picker or on a command line), never trimmed. */
export const givenPathSchema = z.string().min(1).max(PATH_MAX);

/** A file on disk (desktop, CLI), or one streamed in through browser mode, kept under an id. */
export const pathSourceSchema = z.object({ kind: z.literal('path'), path: givenPathSchema });
export const uploadIdSchema = z.string().regex(/^upl_[0-9A-Z]+$/, 'not an upload id');
export const uploadSourceSchema = z.object({
  kind: z.literal('upload'),
  uploadId: uploadIdSchema,
});
