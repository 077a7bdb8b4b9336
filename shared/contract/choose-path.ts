import { z } from 'zod';

/**
 * What the page may ask the desktop shell's native file dialog for: a folder (made if need be), a
 * new file to save as, or an existing file to open. Only the desktop app has this; in browser mode
 * the page runs on the same computer but cannot see its file system, so paths are typed.
 */
export const choosePathRequestSchema = z
  .object({
    kind: z.enum(['folder', 'new-file', 'existing-file']),
    /** The dialog's title, e.g. "Folder to publish the register into". */
    title: z.string().trim().min(1).max(200),
    /** Where the dialog opens: what the field holds already, if anything. */
    defaultPath: z.string().max(4096).optional(),
    /** For files: the kinds offered, e.g. { name: 'SPQA backups', extensions: ['spqa-backup'] }. */
    filters: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(100),
          extensions: z
            .array(z.string().regex(/^[A-Za-z0-9-]{1,20}$/, 'an extension without its dot'))
            .min(1)
            .max(10),
        }),
      )
      .max(5)
      .optional(),
  })
  .strict();

export type ChoosePathRequest = z.infer<typeof choosePathRequestSchema>;

/** The shell's answer: the path chosen, or null when the person cancelled. */
export const choosePathResultSchema = z.object({ path: z.string().min(1).nullable() });

export type ChoosePathResult = z.infer<typeof choosePathResultSchema>;
