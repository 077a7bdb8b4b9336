import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { restoreBackup } from '../../electron/core/backup/restore';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { SESSIONS_FOLDER } from '../../electron/core/db/sessions';
import { inProcessConnection, openInProcessCore } from '../../electron/core/host/in-process';
import {
  openRestorableCore,
  type CoreConnection,
  type RestorableCore,
} from '../../electron/core/host/restorable-core';
import { openWorkerCore } from '../../electron/core/host/worker-client';
import type { Progress, Result } from '../../shared/result';
import { backupItems, itemsOf, sha256Of, writeZip } from '../helpers/backup';
import { failure, openTestCore, unwrap } from '../helpers/core';
import { folderFingerprint } from '../helpers/folder-hash';
import { CORE_WORKER_BUNDLE, NODE_SQLITE_BINDING, RESOURCES_DIR } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

/**
 * The host's restore (electron/core/host/restorable-core.ts): the way the desktop app and browser
 * mode restore a backup while their core is open. restoreBackup itself is tested in
 * backup-restore.test.ts and backup-hostile.test.ts.
 */

const hosts: RestorableCore<CoreConnection>[] = [];
afterAll(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

type Host = RestorableCore<CoreConnection>;

function track<T extends Host>(host: T): T {
  hosts.push(host);
  return host;
}

async function call<T>(host: Host, method: string, input: unknown = {}): Promise<T> {
  return unwrap((await host.invoke(method, input)) as Result<T>);
}

const providerNames = async (host: Host) =>
  (await call<{ items: { name: string }[] }>(host, 'providers.list')).items
    .map((p) => p.name)
    .sort();

type AuditEntry = { action: string; entityId: string; actor: string; detail: unknown };

/** A data folder with the demo records and a backup of it, made through the host. */
async function backedUpFolder(host: Host, dataDir: string) {
  const file = join(tempDir(), 'spqa-backup.zip');
  await call(host, 'system.loadDemo');
  const made = await call<{ counts: Record<string, number> }>(host, 'backup.create', {
    path: file,
  });
  const names = await providerNames(host);
  return { file, made, names, dataDir };
}

const inProcess = (dataDir: string, clockIso = '2026-03-04T05:06:07.000Z') =>
  openInProcessCore({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    actor: 'restorer',
    validateOutput: true,
    clock: { now: () => new Date(clockIso) },
  });

describe('restoring through the host, in process (browser mode)', () => {
  it('puts back the backup’s records, keeps the old data aside and records the restore', async () => {
    const dataDir = tempDir();
    const host = track(await inProcess(dataDir));
    const { file, names } = await backedUpFolder(host, dataDir);
    await call(host, 'providers.create', { name: 'Added After The Backup', type: 'both' });
    expect(await providerNames(host)).toContain('Added After The Backup');

    const phases: string[] = [];
    let heldCall: Promise<string[]> | null = null;
    const restored = unwrap(
      await host.invoke('backup.restore', { path: file }, (p: Progress) => {
        phases.push(p.phase);
        // Made while the core is closed for the swap: it waits, then sees the restored records.
        if (p.phase === 'replacing the records' && !heldCall) heldCall = providerNames(host);
      }),
    ) as { restored: boolean; setAside: string; archive: string; createdAt: string };

    expect(restored.restored).toBe(true);
    expect(restored.archive).toBe(file);
    expect(restored.setAside).toBe(join(dataDir, 'before-restore-2026-03-04T05-06-07-000Z'));
    expect(readdirSync(restored.setAside).sort()).toEqual(['README.txt', 'evidence', 'spqa.db']);
    expect(new Set(phases)).toEqual(
      new Set([
        'checking the backup',
        'waiting for work in progress to finish',
        'closing the records',
        'replacing the records',
        'opening the restored records',
      ]),
    );
    expect(heldCall).not.toBeNull();
    expect(await heldCall).toEqual(names);
    expect(await providerNames(host)).toEqual(names);
    expect((await call<{ ok: boolean }>(host, 'evidence.verify')).ok).toBe(true);

    // The replaced database, with the provider added later, is whole where it was put.
    const aside = new BetterSqlite3(join(restored.setAside, 'spqa.db'), { readonly: true });
    expect(
      aside
        .prepare("SELECT count(*) FROM providers WHERE name = 'Added After The Backup'")
        .pluck()
        .get(),
    ).toBe(1);
    aside.close();

    // The restored trail ends with the restore itself, still a valid chain.
    const [last] = await call<AuditEntry[]>(host, 'audit.list', { limit: 1 });
    expect(last).toMatchObject({
      action: 'backup.restored',
      entityId: file,
      actor: 'restorer',
      detail: { setAside: restored.setAside, backupCreatedAt: restored.createdAt },
    });
    expect((await call<{ ok: boolean }>(host, 'audit.verify')).ok).toBe(true);
  });

  it('waits for calls in flight before it closes the core, and holds new ones until it is done', async () => {
    const dataDir = tempDir();
    let releaseSlow = () => undefined as void;
    const slowGate = new Promise<void>((done) => (releaseSlow = done));
    // A core whose answer to one marked call waits for the test, as a long import would.
    const host = track(
      await openRestorableCore({
        open: async (request) => {
          const inner = inProcessConnection(
            await openCore({ dataDir, resourcesDir: RESOURCES_DIR, actor: 'tester', ...request }),
          );
          return {
            ...inner,
            async invoke(method: string, input: unknown, onProgress?: (p: Progress) => void) {
              const slow = (input as { query?: string } | undefined)?.query === 'Slow Call';
              const answer = await inner.invoke(method, input, onProgress);
              if (slow) await slowGate;
              return answer;
            },
          };
        },
        restore: (run) => restoreBackup({ dataDir, ...run }),
      }),
    );
    const { file, names } = await backedUpFolder(host, dataDir);
    await call(host, 'providers.create', { name: 'Slow Call Trust', type: 'both' });

    const slowCall = host.invoke('providers.list', { query: 'Slow Call' });
    const phases: string[] = [];
    let settled = false;
    const restoring = host.invoke('backup.restore', { path: file }, (p) => phases.push(p.phase));
    void restoring.then(() => (settled = true));
    await waitFor(() => phases.includes('waiting for work in progress to finish'));
    // A call made now waits for the restore, which waits for the slow call.
    const heldCall = providerNames(host);
    await new Promise((done) => setTimeout(done, 200));
    expect(phases).not.toContain('closing the records');
    expect(settled).toBe(false);

    releaseSlow();
    // The slow call answered from the records it started on, before the restore.
    const slow = unwrap(await slowCall) as { items: { name: string }[] };
    expect(slow.items.map((p) => p.name)).toEqual(['Slow Call Trust']);
    unwrap(await restoring);
    expect(await heldCall).toEqual(names);
    expect(names).not.toContain('Slow Call Trust');
  });

  it('refuses archives that are not whole backups, leaving the data folder as it was', async () => {
    const dataDir = tempDir();
    const host = track(await inProcess(dataDir));
    const { file, names } = await backedUpFolder(host, dataDir);
    await call(host, 'providers.create', { name: 'Kept Through Refusals', type: 'both' });
    const expected = [...names, 'Kept Through Refusals'].sort();

    const bytes = readFileSync(file);
    const truncated = join(tempDir(), 'truncated.zip');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const notABackup = await writeZip([{ name: 'notes.txt', bytes: Buffer.from('hello') }]);
    const cases: [string, string, RegExp][] = [
      ['a truncated file', truncated, /./],
      ['a zip that is not a backup', notABackup, /manifest\.json/],
      ['a backup from a newer version', await newerBackup(file), /newer version/],
      ['a file that does not exist', join(tempDir(), 'nowhere.zip'), /no such file/],
      ['a folder', tempDir(), /not a file/],
    ];
    const before = folderFingerprint(dataDir);
    for (const [what, path, message] of cases) {
      const result = await host.invoke('backup.restore', { path });
      expect(result.ok, what).toBe(false);
      if (result.ok) continue;
      expect(['invalid_input', 'refused'], `${what}: ${result.error.message}`).toContain(
        result.error.code,
      );
      expect(result.error.message, what).toMatch(message);
      expect(folderFingerprint(dataDir), what).toBe(before);
      expect(await providerNames(host), what).toEqual(expected);
    }
    failure(await host.invoke('backup.restore', { path: '  ' }), 'invalid_input');
    expect(readdirSync(dataDir).filter((n) => /^(before-restore|\.restore)/.test(n))).toEqual([]);
  });

  it('reopens the old data, unchanged, when the swap is refused because another program has it open', async () => {
    const dataDir = tempDir();
    const host = track(await inProcess(dataDir));
    const { file, names } = await backedUpFolder(host, dataDir);
    await call(host, 'providers.create', { name: 'Open Elsewhere Too', type: 'both' });
    const other = await openTestCore({ dataDir });

    const refused = failure(await host.invoke('backup.restore', { path: file }), 'refused');
    expect(refused.message).toMatch(/in use.*Nothing was changed/);
    expect(await providerNames(host)).toEqual([...names, 'Open Elsewhere Too'].sort());
    other.close();
    expect(readdirSync(dataDir).filter((n) => /^(before-restore|\.restore)/.test(n))).toEqual([]);
    // Once the other program has let go, the same restore goes through.
    unwrap(await host.invoke('backup.restore', { path: file }));
    expect(await providerNames(host)).toEqual(names);
  });

  it('refuses a second restore while one is running, and is not a method the bare core answers', async () => {
    const dataDir = tempDir();
    const host = track(await inProcess(dataDir));
    const { file } = await backedUpFolder(host, dataDir);
    const first = host.invoke('backup.restore', { path: file });
    const second = failure(await host.invoke('backup.restore', { path: file }), 'refused');
    expect(second.message).toMatch(/already being restored/);
    unwrap(await first);

    const bare = await openTestCore();
    const refused = failure(await bare.invokeUnknown('backup.restore', { path: file }), 'refused');
    expect(refused.message).toMatch(/answered by the app around the core/);
  });
});

describe('restoring through the host, with the core in a worker thread (the desktop app)', () => {
  // The Electron bundle of the worker, run on Node with Node's build of the database driver.
  const workerCore = (dataDir: string) =>
    openWorkerCore(CORE_WORKER_BUNDLE, {
      dataDir,
      resourcesDir: RESOURCES_DIR,
      nativeBinding: NODE_SQLITE_BINDING,
    });

  it('restores in a thread of its own and reopens the core on the restored data', async () => {
    const dataDir = tempDir();
    const host = track(await workerCore(dataDir));
    const { file, names } = await backedUpFolder(host, dataDir);
    await call(host, 'providers.create', { name: 'Added In The Worker', type: 'both' });

    let heldCall: Promise<string[]> | null = null;
    const restored = unwrap(
      await host.invoke('backup.restore', { path: file }, (p) => {
        if (p.phase === 'closing the records' && !heldCall) heldCall = providerNames(host);
      }),
    ) as { setAside: string };
    expect(existsSync(join(restored.setAside, 'spqa.db'))).toBe(true);
    expect(await heldCall).toEqual(names);
    expect(await providerNames(host)).toEqual(names);
    const [last] = await call<AuditEntry[]>(host, 'audit.list', { limit: 1 });
    expect(last?.action).toBe('backup.restored');

    const before = folderFingerprint(dataDir);
    const notABackup = await writeZip([{ name: 'spqa.db', bytes: Buffer.from('not sqlite') }]);
    failure(await host.invoke('backup.restore', { path: notABackup }), 'invalid_input');
    expect(folderFingerprint(dataDir)).toBe(before);
    expect(await providerNames(host)).toEqual(names);

    // Closing lets the worker close its database itself: no session is left marked open.
    await host.close();
    hosts.splice(hosts.indexOf(host), 1);
    expect(readdirSync(join(dataDir, SESSIONS_FOLDER))).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** The same backup with its database marked as written by a later schema than this app knows. */
async function newerBackup(file: string): Promise<string> {
  const { manifest, files } = await backupItems(file);
  const path = join(tempDir(), 'newer.db');
  writeFileSync(path, files.get('spqa.db') as Buffer);
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = DELETE');
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  db.close();
  const bytes = readFileSync(path);
  files.set('spqa.db', bytes);
  const edited = {
    ...manifest,
    schemaVersion: LATEST_SCHEMA_VERSION + 1,
    database: {
      ...(manifest as unknown as { database: object }).database,
      size: bytes.length,
      sha256: sha256Of(bytes),
    },
  };
  return writeZip(itemsOf(edited, files));
}
