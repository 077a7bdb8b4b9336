import { z } from 'zod';
import { hasControlCharacter } from '../validation/text';
import { PATH_MAX } from '../validation/paths';

/**
 * What the page may ask the desktop shell's native file dialog for: a folder (made if need be), a
 * new file to save as, or an existing file to open. Only the desktop app has this; in browser mode
 * the page runs on the same computer but cannot see its file system, so paths are typed.
 */
export const choosePathRequestSchema = z
  .object({
    kind: z.enum(['folder', 'new-file', 'existing-file']),
    /** The dialog's title: the field's label, e.g. "Folder to publish into". */
    title: z.string().trim().min(1).max(200),
    /** Where the dialog opens: what the field holds already, if anything. */
    defaultPath: z
      .string()
      .max(PATH_MAX)
      .refine(
        (path) => !hasControlCharacter(path) && !/[\t\n\r]/.test(path),
        'a path has no control characters or line breaks',
      )
      .optional(),
    /**
     * For files: the kinds offered, e.g. { name: 'SPQA backups', extensions: ['zip'] }; an
     * extension of "*" stands for any file.
     */
    filters: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(100),
          extensions: z
            .array(z.string().regex(/^([A-Za-z0-9-]{1,20}|\*)$/, 'an extension without its dot'))
            .min(1)
            .max(10),
        }),
      )
      .max(5)
      .optional(),
  })
  .strict();

export type ChoosePathRequest = z.infer<typeof choosePathRequestSchema>;
