import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/core/backup/create';
import { restoreBackup } from '../../electron/core/backup/restore';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { backUp, populatedCore, readZip, sha256Of } from '../helpers/backup';
import { spqa } from '../helpers/cli';
import { failure, openTestCore, unwrap } from '../helpers/core';
import { folderFingerprint } from '../helpers/folder-hash';
import { tempDir } from '../helpers/temp-dir';

const providerNames = async (core: Awaited<ReturnType<typeof openTestCore>>) =>
  unwrap(await core.invoke('providers.list', {}))
    .items.map((p) => p.name)
    .sort();

describe('spqa backup', () => {
  it('writes one archive: the database, every stored file and a manifest of their hashes', async () => {
    const core = await populatedCore();
    const file = join(tempDir(), 'backup.zip');
    const result = unwrap(await core.invoke('backup.create', { path: file }));
    expect(result).toMatchObject({ path: file, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(result.counts.providers).toBeGreaterThan(0);
    expect(result.evidenceFiles).toBeGreaterThan(0);
    expect(result.alteredFiles).toEqual([]);

    const entries = await readZip(file);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '') as {
      format: string;
      database: { path: string; size: number; sha256: string };
      evidence: { path: string; size: number; sha256: string }[];
    };
    expect(manifest.format).toBe('spqa-backup');
    const database = entries.get('spqa.db') as Buffer;
    expect(sha256Of(database)).toBe(manifest.database.sha256);
    expect(database.length).toBe(manifest.database.size);
    expect(manifest.evidence).toHaveLength(result.evidenceFiles);
    for (const item of manifest.evidence) {
      const bytes = entries.get(item.path) as Buffer;
      expect(sha256Of(bytes)).toBe(item.sha256);
      expect(item.path).toBe(`evidence/sha256/${item.sha256.slice(0, 2)}/${item.sha256}`);
      // The archived file is exactly the one in the store.
      expect(bytes).toEqual(readFileSync(join(core.context.dataDir, item.path)));
    }
    expect(new Set(entries.keys())).toEqual(
      new Set(['manifest.json', 'spqa.db', ...manifest.evidence.map((e) => e.path)]),
    );
    // Nothing but the archive is left beside it.
    expect(readdirSync(join(file, '..'))).toEqual(['backup.zip']);
  });

  it('copies the database online: the copy is whole while the core keeps its connection', async () => {
    const core = await populatedCore();
    const file = join(tempDir(), 'online.zip');
    await backUp(core, file);
    const copy = join(tempDir(), 'copy.db');
    writeFileSync(copy, (await readZip(file)).get('spqa.db') as Buffer);
    const db = new BetterSqlite3(copy, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM providers').pluck().get()).toBe(
      core.context.db.prepare('SELECT count(*) FROM providers').pluck().get(),
    );
    db.close();
    // The core still works on its own database afterwards (the copy was detached).
    unwrap(await core.invoke('providers.create', { name: 'After The Backup', type: 'both' }));
  });

  it('refuses to overwrite an existing file unless told to', async () => {
    const core = await populatedCore();
    const dir = tempDir();
    const file = join(dir, 'existing.zip');
    writeFileSync(file, 'keep me');
    const refused = failure(await core.invoke('backup.create', { path: file }), 'invalid_input');
    expect(refused.message).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    unwrap(await core.invoke('backup.create', { path: file, overwrite: true }));
    expect((await readZip(file)).has('manifest.json')).toBe(true);
    expect(readdirSync(dir)).toEqual(['existing.zip']);
  });

  it('records a stored file that no longer matches its hash as it is, and says so', async () => {
    const core = await populatedCore();
    const manifestBefore = (await readZip(await backupFile(core))).get('manifest.json');
    const first = (
      JSON.parse(manifestBefore?.toString('utf8') ?? '') as { evidence: { path: string }[] }
    ).evidence[0]?.path as string;
    writeFileSync(join(core.context.dataDir, first), 'altered on disk');
    const result = await backUp(core, join(tempDir(), 'altered.zip'));
    expect(result.alteredFiles).toEqual([first.split('/').at(-1)]);
  });
});

describe('backup.inspect', () => {
  it('says what a good archive holds and refuses a damaged one, touching no data', async () => {
    const core = await populatedCore();
    const file = await backupFile(core);
    const summary = unwrap(await core.invoke('backup.inspect', { path: file }));
    expect(summary).toMatchObject({
      path: file,
      createdAt: '2026-01-02T03:04:05.000Z',
      appVersion: 'test',
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
    expect(summary.counts.providers).toBe(unwrap(await core.invoke('providers.list', {})).total);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    failure(await core.invoke('backup.inspect', { path: file }), 'invalid_input');
  });
});

async function backupFile(core: Awaited<ReturnType<typeof openTestCore>>): Promise<string> {
  const file = join(tempDir(), 'b.zip');
  await backUp(core, file);
  return file;
}

describe('spqa restore', () => {
  it('puts back the records and files of the backup, keeping the replaced data aside', async () => {
    const dataDir = tempDir();
    const core = await populatedCore(dataDir);
    const file = await backupFile(core);
    const before = await providerNames(core);
    const verifyBefore = unwrap(await core.invoke('evidence.verify', {}));

    // Changes after the backup: a provider added and a stored file deleted.
    unwrap(await core.invoke('providers.create', { name: 'Added Later Trust', type: 'both' }));
    const stored = readdirSync(join(dataDir, 'evidence', 'sha256'));
    core.close();

    const result = await restoreBackup({
      dataDir,
      archive: file,
      now: new Date('2026-02-03T04:05:06.000Z'),
    });
    expect(result.restored).toBe(true);
    expect(result.setAside).toBe(join(dataDir, 'before-restore-2026-02-03T04-05-06-000Z'));
    expect(readdirSync(result.setAside as string).sort()).toEqual([
      'README.txt',
      'evidence',
      'spqa.db',
    ]);
    expect(readdirSync(join(result.setAside as string, 'evidence', 'sha256'))).toEqual(stored);
    // No staging folder is left behind.
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.restore'))).toEqual([]);

    const reopened = await openTestCore({ dataDir });
    expect(await providerNames(reopened)).toEqual(before);
    const verifyAfter = unwrap(await reopened.invoke('evidence.verify', {}));
    expect(verifyAfter).toMatchObject({ ok: true, checked: verifyBefore.checked });
    expect(unwrap(await reopened.invoke('audit.verify', {})).ok).toBe(true);
    reopened.close();

    // The replaced database, with the provider added later, is whole where it was put.
    const aside = new BetterSqlite3(join(result.setAside as string, 'spqa.db'), {
      readonly: true,
    });
    expect(
      aside
        .prepare("SELECT count(*) FROM providers WHERE name = 'Added Later Trust'")
        .pluck()
        .get(),
    ).toBe(1);
    aside.close();
  });

  it('restores into an empty or missing data folder without setting anything aside', async () => {
    const core = await populatedCore();
    const file = await backupFile(core);
    const dataDir = join(tempDir(), 'new', 'data');
    const result = await restoreBackup({ dataDir, archive: file });
    expect(result).toMatchObject({ restored: true, setAside: null });
    expect(readdirSync(dataDir).sort()).toEqual(['evidence', 'spqa.db']);
    const reopened = await openTestCore({ dataDir });
    expect(await providerNames(reopened)).toEqual(await providerNames(core));
  });

  it('checks without changing anything on a dry run', async () => {
    const source = await populatedCore();
    const file = await backupFile(source);
    const dataDir = tempDir();
    (await openTestCore({ dataDir })).close();
    const before = folderFingerprint(dataDir);
    const result = await restoreBackup({ dataDir, archive: file, dryRun: true });
    expect(result).toMatchObject({ restored: false, setAside: null });
    expect(result.counts.providers).toBeGreaterThan(0);
    expect(folderFingerprint(dataDir)).toBe(before);
  });

  it('refuses while another connection has the database open, changing nothing', async () => {
    const source = await populatedCore();
    const file = await backupFile(source);
    const dataDir = tempDir();
    const running = await openTestCore({ dataDir });
    unwrap(await running.invoke('providers.create', { name: 'Open Elsewhere', type: 'both' }));
    const before = folderFingerprint(dataDir);
    await expect(restoreBackup({ dataDir, archive: file })).rejects.toThrow(/in use/);
    expect(folderFingerprint(dataDir)).toBe(before);
    expect(await providerNames(running)).toEqual(['Open Elsewhere']);
  });

  it('restores a backup from an older schema, which the next open upgrades after its own backup', async () => {
    const dataDir = tempDir();
    const old = await openDatabase(join(dataDir, DATABASE_FILE), {
      migrations: MIGRATIONS.slice(0, 2),
    });
    old.db
      .prepare(
        `INSERT INTO providers (id, name, name_key, type, created_at, updated_at)
         VALUES ('prv_OLD', 'Older Schema Trust', 'older schema trust', 'both', 'now', 'now')`,
      )
      .run();
    const file = join(tempDir(), 'old.zip');
    const made = await createBackup({
      db: old.db,
      dataDir,
      target: file,
      overwrite: false,
      appVersion: 'old',
      now: new Date(),
      progress: () => undefined,
    });
    old.db.close();
    expect(made.schemaVersion).toBe(20);

    const target = tempDir();
    await restoreBackup({ dataDir: target, archive: file });
    const core = await openTestCore({ dataDir: target });
    expect(await providerNames(core)).toEqual(['Older Schema Trust']);
    expect(core.context.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // The automatic backup before migrating, taken by the real migrations on open.
    const autoBackups = readdirSync(target).filter((n) =>
      n.startsWith(`${DATABASE_FILE}.before-schema-${LATEST_SCHEMA_VERSION}-`),
    );
    expect(autoBackups).toHaveLength(1);
    const kept = new BetterSqlite3(join(target, autoBackups[0] as string), { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(20);
    kept.close();
  });
});

describe('the backup and restore commands', () => {
  it('round-trip through the real CLI, with --json output and exit 0', async () => {
    const dataDir = tempDir();
    (await populatedCore(dataDir)).close();
    const file = join(tempDir(), 'cli.zip');
    const backup = spqa(dataDir, ['--json', 'backup', file]);
    expect(backup.status, backup.stderr).toBe(0);
    const made = JSON.parse(backup.stdout) as { path: string; evidenceFiles: number };
    expect(made.path).toBe(file);
    expect(existsSync(file)).toBe(true);

    const again = spqa(dataDir, ['backup', file]);
    expect(again.status).toBe(2);
    expect(again.errorLines).toEqual([
      expect.stringMatching(/already exists; choose another name, or pass --overwrite$/),
    ]);

    const restore = spqa(dataDir, ['--json', 'restore', file]);
    expect(restore.status, restore.stderr).toBe(0);
    const restored = JSON.parse(restore.stdout) as { restored: boolean; setAside: string };
    expect(restored.restored).toBe(true);
    expect(existsSync(join(restored.setAside, 'spqa.db'))).toBe(true);
    const verify = spqa(dataDir, ['evidence', 'verify']);
    expect(verify.status, verify.stderr).toBe(0);
  });

  it('refuses a missing file with exit 2, one line on stderr and the data folder unchanged', async () => {
    const dataDir = tempDir();
    (await populatedCore(dataDir)).close();
    const before = folderFingerprint(dataDir);
    const run = spqa(dataDir, ['restore', join(tempDir(), 'nowhere.zip')]);
    expect(run.status).toBe(2);
    expect(run.errorLines).toEqual([expect.stringMatching(/nowhere\.zip: no such file/)]);
    expect(folderFingerprint(dataDir)).toBe(before);
  });
});
