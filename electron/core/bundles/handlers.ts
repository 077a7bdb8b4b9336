import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { bundleMethods, BundleSource } from '../../../shared/contract/bundles';
import { BUNDLE_EXTENSION } from '../../../shared/bundles/schema';
import { readProfile, storedNetworkName } from '../accreditation/profile';
import { change, type CoreContext, type HandlersFor } from '../context';
import { invalid } from '../errors';
import { blobPath, deleteStoredFile, storeRoot } from '../evidence/store';
import { ensureNetworkKey, networkKeyRow, unlockNetworkKey } from '../signing/keystore';
import { APP_VERSION } from '../version';
import { collectBundleContent } from './collect';
import { writeBundle } from './export';
import { importBundle, previewBundle } from './import';
import { LIMITS } from './limits';
import { listTrustedKeys, trustKey, untrustKey } from './trusted-keys';

/** Who the bundle says it is from: the local organisation, else the network, else the person. */
function senderName(ctx: CoreContext): string {
  return readProfile(ctx.db)?.organisation ?? storedNetworkName(ctx.db) ?? ctx.actor;
}

function bundleFileName(providerName: string, kind: string, revision: number): string {
  const slug =
    providerName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'provider';
  return `${slug}-${kind}-assessment-r${revision}${BUNDLE_EXTENSION}`;
}

function sourcePath(ctx: CoreContext, source: BundleSource): string {
  if (source.kind === 'path') return source.path;
  const staged = ctx.uploads.get(source.uploadId);
  if (!staged) throw invalid('that bundle is no longer waiting here; choose the file again');
  return blobPath(storeRoot(ctx.dataDir), staged.sha256);
}

/** A bundle streamed in by browser mode sits in the store until imported or discarded; then it goes. */
async function discardUpload(ctx: CoreContext, uploadId: string): Promise<boolean> {
  const staged = ctx.uploads.get(uploadId);
  if (!staged) return false;
  ctx.uploads.delete(uploadId);
  const stillStaged = [...ctx.uploads.values()].some((u) => u.sha256 === staged.sha256);
  const recorded = ctx.db
    .prepare('SELECT 1 FROM evidence_blobs WHERE sha256 = ? AND deleted_at IS NULL')
    .get(staged.sha256);
  if (!stillStaged && !recorded) await deleteStoredFile(storeRoot(ctx.dataDir), staged.sha256);
  return true;
}

type Handlers = HandlersFor<typeof bundleMethods>;

export const bundleHandlers: Handlers = {
  'bundles.export': async (input, ctx) => {
    const content = collectBundleContent(ctx.db, input.assessmentId, input.includePersonalData);
    // Like a certificate, a bundle is signed with the network key, made on first use.
    if (!networkKeyRow(ctx.db)) {
      change(ctx, (now, audit) => {
        const made = ensureNetworkKey(ctx.db, input.passphrase, { actor: ctx.actor, now });
        if (made.created)
          audit({ action: 'keys.created', entityType: 'signing-key', entityId: made.keyId });
      });
    }
    const { keyId, privateKey } = unlockNetworkKey(ctx.db, input.passphrase);
    const { assessment } = content.assessment;
    const fileName = bundleFileName(
      content.provider.provider.name,
      assessment.kind,
      assessment.revision,
    );
    const fileBytes = content.files.reduce((n, f) => n + f.size, 0);
    if (!input.file && fileBytes > LIMITS.inlineExportBytes)
      throw invalid(
        `this bundle holds ${fileBytes} bytes of evidence, too much to download through the app; ` +
          `write it with \`spqa bundle export --assessment ${assessment.id} FILE\``,
      );
    const scratch = input.file ? null : await mkdtemp(join(tmpdir(), 'spqa-bundle-'));
    const target = input.file
      ? resolve(input.file)
      : join(scratch ?? '', `${randomBytes(6).toString('hex')}${BUNDLE_EXTENSION}`);
    try {
      const written = await writeBundle(content, {
        dataDir: ctx.dataDir,
        sender: {
          name: senderName(ctx),
          keyId,
          privateKey,
          actor: ctx.actor,
          appVersion: APP_VERSION,
          createdAt: ctx.clock.now().toISOString(),
        },
        includePersonalData: input.includePersonalData,
        file: target,
        progress: ctx.progress,
      });
      const base64 = scratch ? (await readFile(target)).toString('base64') : null;
      change(ctx, (_now, audit) =>
        audit({
          action: 'bundle.exported',
          entityType: 'assessment',
          entityId: assessment.id,
          detail: {
            revision: assessment.revision,
            sha256: written.sha256,
            manifestSha256: written.manifestSha256,
            includePersonalData: input.includePersonalData,
            evidenceFiles: written.evidenceFiles,
          },
        }),
      );
      return {
        fileName,
        file: scratch ? null : target,
        base64,
        size: written.size,
        sha256: written.sha256,
        manifestSha256: written.manifestSha256,
        keyId,
        entries: written.entries,
        evidenceFiles: written.evidenceFiles,
      };
    } finally {
      if (scratch) await rm(scratch, { recursive: true, force: true });
    }
  },
  'bundles.preview': (input, ctx) => previewBundle(ctx, sourcePath(ctx, input.source)),
  'bundles.import': async (input, ctx) => {
    try {
      return await importBundle(ctx, sourcePath(ctx, input.source), input.manifestSha256);
    } finally {
      if (input.source.kind === 'upload') await discardUpload(ctx, input.source.uploadId);
    }
  },
  'bundles.discardUpload': async (input, ctx) => ({
    discarded: await discardUpload(ctx, input.uploadId),
  }),

  'trustedKeys.list': (_input, ctx) => listTrustedKeys(ctx.db),
  'trustedKeys.add': (input, ctx) => trustKey(ctx, input),
  'trustedKeys.remove': (input, ctx) => ({ removed: untrustKey(ctx, input.keyId) }),
};
