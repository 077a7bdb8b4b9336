import { z } from 'zod';
import { BUNDLE_EXTENSION, bundlePreviewSchema, trustedKeySchema } from '../bundles/schema';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../validation/text';
import { method } from './define';
import { FILE_LIMITS } from '../limits';
import { id, passphrase } from './fields';
import { KEY_ID_MESSAGE, KEY_ID_PATTERN } from '../signing/format';
import {
  givenPathSchema,
  pathSourceSchema,
  uploadIdSchema,
  uploadSourceSchema,
} from '../validation/paths';

const keyId = z.string().trim().regex(KEY_ID_PATTERN, KEY_ID_MESSAGE);

/** Where a bundle to import is: a file on disk (desktop, CLI) or one streamed in (browser mode). */
export const bundleSourceSchema = z.discriminatedUnion('kind', [
  pathSourceSchema,
  uploadSourceSchema,
]);
export type BundleSource = z.infer<typeof bundleSourceSchema>;

export const bundleExportResultSchema = z.object({
  fileName: z.string(),
  /** Where it was written, when a file was named. */
  file: z.string().nullable(),
  /** The bundle's bytes, when no file was named (the app downloads them). */
  base64: z.string().nullable(),
  size: z.number(),
  sha256: z.string(),
  manifestSha256: z.string(),
  keyId: z.string(),
  entries: z.number(),
  evidenceFiles: z.object({ included: z.number(), leftOut: z.number(), bytes: z.number() }),
});
export type BundleExportResult = z.infer<typeof bundleExportResultSchema>;

export const bundleImportResultSchema = z.object({
  applied: z.boolean(),
  message: z.string(),
  preview: bundlePreviewSchema,
});
export type BundleImportResult = z.infer<typeof bundleImportResultSchema>;

export const bundleMethods = {
  /** Writes an assessment with all it rests on to one signed `.spqa` file. */
  'bundles.export': method(
    z.object({
      assessmentId: id,
      includePersonalData: z.boolean().default(false),
      passphrase,
      /** Write here (a path ending in .spqa); without it the bytes come back for downloading. */
      file: givenPathSchema
        .refine((p) => p.toLowerCase().endsWith(BUNDLE_EXTENSION), {
          message: `a bundle file name ends in ${BUNDLE_EXTENSION}`,
        })
        .optional(),
    }),
    bundleExportResultSchema,
    { progress: true },
  ),
  /** Checks a bundle in full and says what importing it would do; nothing is changed. */
  'bundles.preview': method(z.object({ source: bundleSourceSchema }), bundlePreviewSchema, {
    progress: true,
  }),
  /**
   * Imports a bundle all or nothing. With `manifestSha256` (from the preview) a bundle whose
   * content differs from what was previewed is refused.
   */
  'bundles.import': method(
    z.object({
      source: bundleSourceSchema,
      manifestSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
    bundleImportResultSchema,
    { progress: true },
  ),
  /** Forgets a bundle streamed in for a preview that will not be imported. */
  'bundles.discardUpload': method(
    z.object({ uploadId: uploadIdSchema }),
    z.object({ discarded: z.boolean() }),
  ),

  'trustedKeys.list': method(z.object({}).optional().default({}), z.array(trustedKeySchema)),
  /** Trusts a sender's public key (PEM); its key id is computed from the key itself. */
  'trustedKeys.add': method(
    z.object({
      pem: z
        .string()
        .min(1, 'the public key is required')
        .max(FILE_LIMITS.publicKey, 'that is not a public key'),
      name: z
        .string()
        .trim()
        .min(2, 'name the key’s owner (at least 2 characters)')
        .max(200, 'a name is at most 200 characters')
        .refine((v) => !hasControlCharacter(v), `the name ${CONTROL_CHARACTER_MESSAGE}`),
    }),
    trustedKeySchema,
  ),
  'trustedKeys.remove': method(z.object({ keyId }), z.object({ removed: trustedKeySchema })),
};
