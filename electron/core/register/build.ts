import { performance } from 'node:perf_hooks';
import { CERTIFICATE_STATUSES } from '../../../shared/accreditation/vocabulary';
import type { RegisterBuildResult } from '../../../shared/contract/register';
import { networkName } from '../accreditation/profile';
import { writeSetting } from '../db/settings';
import { isoNow, isoToday } from '../clock';
import { change, type CoreContext } from '../context';
import { networkKeyRow, unlockNetworkKey } from '../signing/keystore';
import { bundledWorker } from '../workers';
import { RegisterReader } from './entries';
import { WRITER_WORKER_FILE, WriterThread, type ThreadOutput } from './writer-thread';
import { StatusListWriter, writeManifest, type OutputWriter } from './outputs';
import { readSiteAssets } from './site';
import { CredentialWriter } from './credential-outputs';
import { registerWebIssuer } from '../credentials/badges';
import { StagingFolder, type WrittenFile } from './staging';
import { openOutputs, orukServicesOf } from './thread-outputs';
import { PUBLICATION_FILES, type RegisterFormat } from '../../../shared/register/schema';

export const LAST_PUBLICATION_KEY = 'register_last_publication';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const byPath = (a: WrittenFile, b: WrittenFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The outputs that go to the writer thread when the worker script is there (the hosts pass
 * `workersDir`); otherwise, or for the others, they are written on the core's thread.
 */
function threadFor(
  ctx: CoreContext,
  staging: StagingFolder,
  outputs: ThreadOutput[],
): WriterThread | null {
  const script = bundledWorker(ctx.workersDir, WRITER_WORKER_FILE);
  if (outputs.length === 0 || !script) return null;
  if (outputs.some((o) => o.kind === 'oruk')) staging.folder('oruk');
  return new WriterThread(script, staging.folder(''), outputs);
}

/**
 * Builds a publication of the register into `outDir` (docs/register.md says what it holds). The
 * certificates are read a chunk at a time and each chunk goes to every file before the next is
 * read, so memory stays flat however large the register; between chunks the event loop turns, so
 * progress reaches the window (or the browser) while the build goes on.
 */
export async function buildRegister(
  ctx: CoreContext,
  input: { outDir: string; formats: RegisterFormat[]; passphrase: string },
): Promise<RegisterBuildResult> {
  const started = performance.now();
  const formats = [...new Set(input.formats)];
  const key = unlockNetworkKey(ctx.db, input.passphrase);
  const publicKeyPem = networkKeyRow(ctx.db)?.public_key_pem ?? '';
  const site = formats.includes('html') ? readSiteAssets(ctx.resourcesDir) : null;
  const staging = new StagingFolder(input.outDir);
  const generatedAt = isoNow(ctx.clock);
  const counts = new Map<string, number>();
  let entries = 0;
  let orukServices = 0;
  let files: WrittenFile[] = [];
  let abandonThread: (() => Promise<void> | undefined) | null = null;
  let threads = 1;
  let badgesSigned = 0;
  try {
    const total = (ctx.db.prepare('SELECT count(*) AS n FROM certificates').get() as { n: number })
      .n;
    // The network's name as its newest certificate gives it, if none is set.
    const latestIssuer = ctx.db
      .prepare(
        `SELECT document ->> '$.payload.issuer.name' AS name FROM certificates WHERE key_id = ?
         ORDER BY created_at DESC LIMIT 1`,
      )
      .get(key.keyId) as { name: string } | undefined;
    const issuer = {
      name: networkName(ctx.db, latestIssuer?.name ?? 'Social prescribing quality network'),
      keyId: key.keyId,
    };
    // Certificates imported from other networks are signed with their keys; those this
    // installation trusts travel with the register (in keys/), so they can be checked too.
    const otherKeys = (
      ctx.db
        .prepare(
          `SELECT DISTINCT t.key_id, t.name, t.public_key_pem FROM certificates c
           JOIN trusted_keys t ON t.key_id = c.key_id WHERE c.key_id <> ? ORDER BY t.key_id`,
        )
        .all(key.keyId) as { key_id: string; name: string; public_key_pem: string }[]
    ).map((k) => ({ keyId: k.key_id, name: k.name, pem: k.public_key_pem }));
    // With a web address, the publication carries the Open Badges files too.
    const web = registerWebIssuer(ctx.db);
    const credentials = web ? new CredentialWriter(ctx, staging, { web, key, generatedAt }) : null;
    const report = async (phase: string, done: number) => {
      ctx.progress({ phase, done, total: total + 1 });
      await nextTurn();
    };
    await report('reading the records', 0);

    // JSON, ORUK, CSV and the web page (nearly all the bytes) go to a writer thread when there is
    // one; the status list stays here, since its signing key never leaves the core's thread.
    const threadable: ThreadOutput[] = [
      ...(formats.includes('json')
        ? [{ kind: 'json' as const, header: { generatedAt, network: issuer } }]
        : []),
      ...(formats.includes('oruk') ? [{ kind: 'oruk' as const }] : []),
      ...(formats.includes('csv') ? [{ kind: 'csv' as const }] : []),
      ...(site
        ? [
            {
              kind: 'html' as const,
              assets: site,
              context: {
                network: issuer,
                generatedAt,
                publicKeyPem,
                otherKeys: otherKeys.map((k) => ({ name: k.name, pem: k.pem })),
                formats,
                badgeKeyIds: credentials?.badgeKeyIds ?? [],
              },
            },
          ]
        : []),
    ];
    const thread = threadFor(ctx, staging, threadable);
    if (thread) threads = 2;
    abandonThread = () => thread?.abandon();
    const inline = thread ? [] : openOutputs(staging, threadable);
    const writers: OutputWriter[] = [
      ...(thread ? [thread] : inline),
      new StatusListWriter(staging, { generatedAt, issuer, privateKey: key.privateKey }),
      ...(credentials ? [credentials] : []),
    ];
    const reader = new RegisterReader(ctx.db, isoToday(ctx.clock));
    for (let chunk = reader.next(); chunk.length > 0; chunk = reader.next()) {
      for (const writer of writers) writer.add(chunk);
      await thread?.caughtUp();
      for (const e of chunk) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
      entries += chunk.length;
      await report('writing the register', Math.min(entries, total));
    }
    await report('signing the status list and manifest', total);
    for (const writer of writers) files.push(...(await writer.finish()));
    badgesSigned = credentials?.signedCount ?? 0;
    orukServices = thread?.orukServices ?? orukServicesOf(inline);
    const keyFile = staging.file(PUBLICATION_FILES.publicKey);
    keyFile.write(publicKeyPem);
    files.push(keyFile.close());
    for (const other of otherKeys) {
      const file = staging.file(
        `${PUBLICATION_FILES.otherKeys}/${other.keyId.replace(/[^A-Za-z0-9_-]/g, '-')}.pem`,
      );
      file.write(other.pem);
      files.push(file.close());
    }
    files.push(writeManifest(staging, { generatedAt, issuer, privateKey: key.privateKey }, files));
    staging.commit();
    await report('published', total + 1);
  } catch (error) {
    // The thread closes its files first, so the staging folder can be removed on every system.
    await abandonThread?.()?.catch(() => undefined);
    staging.abort();
    throw error;
  }
  files = [...files].sort(byPath);

  const publication = { outDir: staging.outDir, generatedAt, entries, formats };
  change(ctx, (_now, audit) => {
    writeSetting(ctx.db, LAST_PUBLICATION_KEY, JSON.stringify(publication));
    audit({
      action: 'register.published',
      entityType: 'register',
      entityId: staging.outDir,
      detail: {
        entries,
        formats,
        manifestSha256: files.find((f) => f.path === PUBLICATION_FILES.manifest)?.sha256 ?? null,
        badgesSigned,
      },
    });
  });
  return {
    ...publication,
    keyId: key.keyId,
    statusCounts: CERTIFICATE_STATUSES.map((status) => ({
      status,
      count: counts.get(status) ?? 0,
    })),
    orukServices,
    files,
    durationMs: Math.round(performance.now() - started),
    threads,
  };
}
