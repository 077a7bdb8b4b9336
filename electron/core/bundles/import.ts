import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import type { BundlePreview } from '../../../shared/bundles/schema';
import type { BundleImportResult } from '../../../shared/contract/bundles';
import { change, type CoreContext } from '../context';
import { conflict, invalid, refused } from '../errors';
import { blobPath, ingestStream, storeRoot } from '../evidence/store';
import { applyPlan } from './apply';
import { planImport, previewOf } from './plan';
import { readBundle, type ParsedBundle } from './read-bundle';

/** Room kept free beyond the files themselves, for the database and everything else. */
const SPARE_BYTES = 64 * 1024 * 1024;

/** Checks a bundle in full and says what importing it would do. Nothing is written. */
export async function previewBundle(ctx: CoreContext, path: string): Promise<BundlePreview> {
  const bundle = await readBundle(ctx.db, path, ctx.progress);
  try {
    return previewOf(bundle, planImport(ctx.db, ctx.dataDir, bundle));
  } finally {
    bundle.zip.close();
  }
}

function refusal(preview: BundlePreview) {
  return conflict(
    `the bundle cannot be imported, and nothing was: ${preview.problems.join('; ')}`,
    { problems: preview.problems.map((message) => ({ message })), preview },
  );
}

/** Files the bundle carries that the store does not hold yet (its rows may still point at them). */
function filesToStore(ctx: CoreContext, bundle: ParsedBundle): [string, number][] {
  const live = ctx.db.prepare(
    'SELECT 1 FROM evidence_blobs WHERE sha256 = ? AND deleted_at IS NULL',
  );
  return [...bundle.files].filter(
    ([sha256]) => !live.get(sha256) || !existsSync(blobPath(storeRoot(ctx.dataDir), sha256)),
  );
}

/**
 * Streams the carried evidence files into the store before any record is written. The store is
 * content-addressed, so a file stored by an import that then fails is an orphan, found and
 * cleared by `evidence remove-orphans`, never a wrong record.
 */
async function storeFiles(ctx: CoreContext, bundle: ParsedBundle): Promise<Map<string, string>> {
  const needed = filesToStore(ctx, bundle);
  const total = needed.reduce((n, [, size]) => n + size, 0);
  const stored = new Map<string, string>();
  if (needed.length === 0) return stored;
  const root = storeRoot(ctx.dataDir);
  const disk = await statfs(ctx.dataDir).catch(() => null);
  if (disk && disk.bavail * disk.bsize < total + SPARE_BYTES)
    throw invalid(
      `the disk has ${disk.bavail * disk.bsize} bytes free, not enough for the ${total} bytes of evidence in the bundle; nothing was imported`,
    );
  let done = 0;
  for (const [sha256, size] of needed) {
    const source = await bundle.zip.openStream(`evidence/${sha256}`);
    const before = done;
    const blob = await ingestStream(root, source, size, (bytes) => {
      done = before + bytes;
      ctx.progress({ phase: 'storing evidence files', done, total });
    });
    if (blob.sha256 !== sha256)
      throw invalid('the bundle changed while it was being imported; nothing was imported');
    stored.set(sha256, blob.mediaType);
  }
  ctx.progress({ phase: 'storing evidence files', done: total, total });
  return stored;
}

/**
 * Imports a bundle all or nothing: read and checked in full, compared with the records, evidence
 * files stored, then every record written in one transaction (compared again inside it, so a
 * change made meanwhile is never overwritten unseen). The same bundle again changes nothing.
 */
export async function importBundle(
  ctx: CoreContext,
  path: string,
  expectedManifest?: string,
): Promise<BundleImportResult> {
  const bundle = await readBundle(ctx.db, path, ctx.progress);
  try {
    if (expectedManifest && expectedManifest !== bundle.manifestSha256)
      throw refused(
        'this is not the bundle that was previewed (its content differs); preview it again',
      );
    const preview = previewOf(bundle, planImport(ctx.db, ctx.dataDir, bundle));
    if (!preview.canApply) throw refusal(preview);
    if (preview.nothingToImport)
      return {
        applied: false,
        message: 'nothing to import: every record in the bundle is already here',
        preview,
      };
    const stored = await storeFiles(ctx, bundle);
    const applied = change(ctx, (now, audit) => {
      const plan = planImport(ctx.db, ctx.dataDir, bundle);
      const current = previewOf(bundle, plan);
      if (!current.canApply) throw refusal(current);
      applyPlan(bundle, plan, { db: ctx.db, now, actor: ctx.actor, audit, stored });
      return current;
    });
    const { counts } = applied;
    return {
      applied: true,
      message: `imported ${applied.subject.kind === 'self' ? 'the self-assessment' : 'the external assessment'} of ${applied.subject.providerName}: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged`,
      preview: applied,
    };
  } finally {
    bundle.zip.close();
  }
}
