import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../shared/result';
import {
  clearInterruptedWrites,
  ingestStream,
  storeRoot,
} from '../../electron/core/evidence/store';
import { openTestCore, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import {
  flipByte,
  sha256Hex,
  sha256OfFile,
  storedBlobFiles,
  storedPath,
  storeListing,
} from '../helpers/evidence';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const criterion = nationalCode({ appliesTo: 'activity', level: 'essential' });

const POLICY = Buffer.from(
  'Safeguarding policy, adopted by the trustees in January 2025.\n'.repeat(40),
);
const MINUTES = Buffer.from('Minutes of the committee meeting, 4 March 2025.\n'.repeat(30));

/** A store holding two files: the policy (used by two records) and the minutes (one). */
async function setUp() {
  const dataDir = tempDir();
  const { core, assessment } = await coreWithSelfAssessment({ dataDir });
  const sources = tempDir('spqa-sources-');
  const add = async (name: string, content: Buffer) =>
    unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [criterion],
        sources: [{ kind: 'path', path: writeTempFile(sources, name, content) }],
        metadata: {},
      }),
    )[0] ??
    (() => {
      throw new Error('no record');
    })();
  const policy = await add('policy.txt', POLICY);
  const policyAgain = await add('policy-signed.txt', POLICY);
  const minutes = await add('minutes.txt', MINUTES);
  return { dataDir, core, assessment, policy, policyAgain, minutes };
}

const unchanged = (core: Awaited<ReturnType<typeof setUp>>['core'], dataDir: string) => ({
  db: dumpDatabase(core.context.db),
  store: storeListing(dataDir),
});

describe('evidence verify', () => {
  it('reports every stored file intact, with progress, and changes nothing', async () => {
    const { dataDir, core } = await setUp();
    const before = unchanged(core, dataDir);
    const progress: Progress[] = [];
    const report = unwrap(
      await core.invoke('evidence.verify', {}, { onProgress: (p) => progress.push(p) }),
    );
    expect(report).toEqual({
      checked: 2,
      bytes: POLICY.length + MINUTES.length,
      ok: true,
      missing: [],
      altered: [],
      orphans: 0,
    });
    expect(progress.at(-1)).toEqual({
      phase: 'checking evidence files',
      done: report.bytes,
      total: report.bytes,
    });
    expect(unchanged(core, dataDir)).toEqual(before);
  });

  it('catches one flipped byte, naming the file and the evidence that uses it', async () => {
    const { dataDir, core, minutes } = await setUp();
    const path = storedPath(dataDir, sha256Hex(MINUTES));
    flipByte(path, 777);
    const before = unchanged(core, dataDir);
    const report = unwrap(await core.invoke('evidence.verify', {}));
    expect(report.ok).toBe(false);
    expect(report.missing).toEqual([]);
    expect(report.altered).toEqual([
      { sha256: sha256Hex(MINUTES), actual: await sha256OfFile(path), evidenceIds: [minutes.id] },
    ]);
    expect(report.altered[0]?.actual).not.toBe(sha256Hex(MINUTES));
    // Reporting is all it does: the altered file stays for someone to look at.
    expect(unchanged(core, dataDir)).toEqual(before);
  });

  it('catches a flipped byte in the last byte and in the first', async () => {
    const { dataDir, core } = await setUp();
    const path = storedPath(dataDir, sha256Hex(POLICY));
    for (const offset of [0, POLICY.length - 1]) {
      flipByte(path, offset);
      expect(unwrap(await core.invoke('evidence.verify', {})).altered.map((a) => a.sha256)).toEqual(
        [sha256Hex(POLICY)],
      );
      flipByte(path, offset);
      expect(unwrap(await core.invoke('evidence.verify', {})).ok).toBe(true);
    }
  });

  it('reports a deleted file as missing, with every record that uses it', async () => {
    const { dataDir, core, policy, policyAgain } = await setUp();
    rmSync(storedPath(dataDir, sha256Hex(POLICY)));
    const report = unwrap(await core.invoke('evidence.verify', {}));
    expect(report).toMatchObject({ ok: false, altered: [], checked: 2 });
    expect(report.missing).toEqual([
      { sha256: sha256Hex(POLICY), evidenceIds: [policy.id, policyAgain.id].sort() },
    ]);
  });

  it('reports missing and altered files together', async () => {
    const { dataDir, core } = await setUp();
    rmSync(storedPath(dataDir, sha256Hex(POLICY)));
    flipByte(storedPath(dataDir, sha256Hex(MINUTES)), 3);
    const report = unwrap(await core.invoke('evidence.verify', {}));
    expect(report.missing.map((m) => m.sha256)).toEqual([sha256Hex(POLICY)]);
    expect(report.altered.map((a) => a.sha256)).toEqual([sha256Hex(MINUTES)]);
  });
});

describe('orphaned files', () => {
  it('are reported by verify and removed only by removeOrphans', async () => {
    const { dataDir, core } = await setUp();
    // One left by an add that stored its file and then stopped; one written straight in.
    const interrupted = Buffer.from('a file whose record was never written');
    await ingestStream(
      storeRoot(dataDir),
      Readable.from([interrupted]),
      interrupted.length,
      () => undefined,
    );
    const stray = Buffer.from('stray');
    const strayPath = storedPath(dataDir, sha256Hex(stray));
    mkdirSync(dirname(strayPath), { recursive: true });
    writeFileSync(strayPath, stray);
    expect(storedBlobFiles(dataDir)).toHaveLength(4);

    const before = unchanged(core, dataDir);
    expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      orphans: 2,
      checked: 2,
    });
    expect(unchanged(core, dataDir)).toEqual(before);
    // Opening the store again (a restart) does not clear them either.
    core.close();
    const reopened = await openTestCore({ dataDir });
    expect(storeListing(dataDir)).toEqual(before.store);

    const removed = unwrap(await reopened.invoke('evidence.removeOrphans', {}));
    expect(removed).toEqual({ removedFiles: 2, removedBytes: interrupted.length + stray.length });
    expect(storedBlobFiles(dataDir)).toEqual(
      [sha256Hex(POLICY), sha256Hex(MINUTES)].map((h) => join('sha256', h.slice(0, 2), h)).sort(),
    );
    expect(unwrap(await reopened.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      orphans: 0,
      checked: 2,
    });
    const audit = unwrap(await reopened.invoke('audit.list', { entityId: 'store', limit: 5 }));
    expect(audit.map((e) => e.action)).toEqual(['evidence.orphans-removed']);
    expect(unwrap(await reopened.invoke('evidence.removeOrphans', {}))).toEqual({
      removedFiles: 0,
      removedBytes: 0,
    });
  });

  it('include a file whose records were all removed but whose deletion failed, once found', async () => {
    const { dataDir, core, minutes } = await setUp();
    unwrap(await core.invoke('evidence.remove', { id: minutes.id, reason: 'Not relevant' }));
    // The record is a tombstone and the file is gone; put the file back as a failed delete would leave it.
    const path = storedPath(dataDir, sha256Hex(MINUTES));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, MINUTES);
    expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      orphans: 1,
      checked: 1,
    });
    expect(unwrap(await core.invoke('evidence.removeOrphans', {})).removedFiles).toBe(1);
    expect(storedBlobFiles(dataDir)).toEqual([
      join('sha256', sha256Hex(POLICY).slice(0, 2), sha256Hex(POLICY)),
    ]);
  });
});

describe('temporary files of interrupted writes', () => {
  it('are cleared when old, and kept while another process may still be writing them', async () => {
    const root = storeRoot(tempDir());
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const old = join(root, 'tmp', 'old.part');
    const fresh = join(root, 'tmp', 'fresh.part');
    writeFileSync(old, 'partial');
    writeFileSync(fresh, 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    expect(await clearInterruptedWrites(root)).toBe(1);
    expect(() => statSync(old)).toThrow();
    expect(statSync(fresh).isFile()).toBe(true);
  });
});
