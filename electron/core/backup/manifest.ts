import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/**
 * The layout of a backup archive. Only these names may appear in it: the manifest, the database
 * and evidence files under their hash, exactly where the evidence store keeps them.
 */
export const MANIFEST_NAME = 'manifest.json';
export const DATABASE_ENTRY = 'spqa.db';
export const BACKUP_FORMAT = 'spqa-backup';
export const BACKUP_FORMAT_VERSION = 1;

const EVIDENCE_ENTRY = /^evidence\/sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const evidenceEntryName = (hash: string) => `evidence/sha256/${hash.slice(0, 2)}/${hash}`;

/** True for the name of an evidence file filed under its own hash. */
export function isEvidenceEntry(name: string, hash?: string): boolean {
  const match = EVIDENCE_ENTRY.exec(name);
  if (!match) return false;
  const [, prefix, named] = match;
  return named?.startsWith(prefix ?? '') === true && (hash === undefined || named === hash);
}

const fileSchema = z.object({ path: z.string().max(200), size, sha256 });

export const manifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    createdAt: z.string().max(40),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(1),
    counts: z.record(z.string().max(60), z.number().int().min(0)),
    database: fileSchema.extend({ path: z.literal(DATABASE_ENTRY) }),
    evidence: z.array(fileSchema),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.evidence.forEach((file, index) => {
      if (!isEvidenceEntry(file.path, file.sha256)) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', index, 'path'],
          message: 'an evidence file is filed as evidence/sha256/<first two>/<its sha256>',
        });
      }
      if (seen.has(file.path)) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', index, 'path'],
          message: 'listed twice',
        });
      }
      seen.add(file.path);
    });
  });
export type Manifest = z.infer<typeof manifestSchema>;

/** The tables whose row counts a backup records, when the database has them. */
const COUNTED_TABLES = [
  'providers',
  'services',
  'assessments',
  'ratings',
  'evidence',
  'decisions',
  'certificates',
  'audit_log',
];

export function recordCounts(db: Database, schema = 'main'): Record<string, number> {
  const present = new Set(
    db
      .prepare(`SELECT name FROM "${schema}".sqlite_schema WHERE type = 'table'`)
      .pluck()
      .all() as string[],
  );
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    if (present.has(table)) {
      counts[table] = db
        .prepare(`SELECT count(*) FROM "${schema}"."${table}"`)
        .pluck()
        .get() as number;
    }
  }
  return counts;
}
