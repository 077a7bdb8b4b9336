import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ingestStream, storeRoot } from '../../electron/core/evidence/store';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { failure, openTestCore, unwrap } from '../helpers/core';
import { spqa } from '../helpers/cli';
import { addEvidenceArgs } from '../helpers/cli-args';
import { expectRefused } from '../helpers/cli-expect';
import { dumpDatabase, dumpDatabaseFile } from '../helpers/db-dump';
import {
  errnoError,
  failingSource,
  sha256Hex,
  storedBlobFiles,
  storedPath,
  storeListing,
} from '../helpers/evidence';
import { coreWithSelfAssessment, startSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const criterion = nationalCode({ appliesTo: 'activity', level: 'essential' });
const SAVED = 'A policy saved before anything went wrong';

/** A core with one piece of evidence already saved, which no failure may touch. */
async function setUp() {
  const dataDir = tempDir();
  const { core, assessment } = await coreWithSelfAssessment({ dataDir });
  const sources = tempDir('spqa-sources-');
  const add = (paths: string[]) =>
    core.invoke('evidence.add', {
      assessmentId: assessment.id,
      criteria: [criterion],
      sources: paths.map((path) => ({ kind: 'path' as const, path })),
      metadata: {},
    });
  unwrap(await add([writeTempFile(sources, 'saved.txt', SAVED)]));
  return { dataDir, core, assessment, sources, add };
}

const snapshot = (core: Core, dataDir: string) => ({
  db: dumpDatabase(core.context.db),
  store: storeListing(dataDir),
});

/** The add fails with invalid_input and exactly this message; nothing in the database or store changes. */
async function expectRefusedAdd(
  { core, dataDir, add }: Awaited<ReturnType<typeof setUp>>,
  paths: string[],
  message: string,
) {
  const before = snapshot(core, dataDir);
  const error = failure(await add(paths), 'invalid_input');
  expect(error.message).toBe(message);
  expect(snapshot(core, dataDir)).toEqual(before);
  expect(readFileSync(storedPath(dataDir, sha256Hex(SAVED)), 'utf8')).toBe(SAVED);
}

describe('adding evidence from bad input', () => {
  it('refuses a file that does not exist', async () => {
    const env = await setUp();
    const path = join(env.sources, 'not-here.pdf');
    await expectRefusedAdd(env, [path], `${path}: no such file`);
  });

  it('refuses a folder given as a file', async () => {
    const env = await setUp();
    const folder = join(env.sources, 'a folder');
    mkdirSync(folder);
    writeTempFile(folder, 'inside.txt', 'inside');
    await expectRefusedAdd(env, [folder], `${folder} is a folder, not a file`);
  });

  it('refuses a device and a named pipe without reading from them', async () => {
    const env = await setUp();
    const notRegular = (path: string) =>
      `${path} is not a regular file (a device, socket or pipe cannot be evidence)`;
    await expectRefusedAdd(env, ['/dev/zero'], notRegular('/dev/zero'));
    await expectRefusedAdd(env, ['/dev/null'], notRegular('/dev/null'));
    // Nothing ever writes to this pipe: opening it for reading would hang the test.
    const fifo = join(env.sources, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(statSync(fifo).isFIFO()).toBe(true);
    await expectRefusedAdd(env, [fifo], notRegular(fifo));
  });

  it('refuses a zero-byte file', async () => {
    const env = await setUp();
    const path = writeTempFile(env.sources, 'empty.pdf', '');
    await expectRefusedAdd(
      env,
      [path],
      `${path} is empty (0 bytes); there is nothing to keep as evidence`,
    );
  });

  it('stores nothing when a later file of the same request is bad', async () => {
    const env = await setUp();
    const good = writeTempFile(env.sources, 'good.txt', 'A good file stored before the bad one');
    const alsoGood = writeTempFile(env.sources, 'also-good.txt', 'Another good file');
    // saved.txt's content again: it is already stored and must stay.
    const savedAgain = writeTempFile(env.sources, 'saved-again.txt', SAVED);
    const missing = join(env.sources, 'missing.txt');
    const empty = writeTempFile(env.sources, 'empty.txt', '');
    await expectRefusedAdd(env, [good, savedAgain, missing], `${missing}: no such file`);
    await expectRefusedAdd(
      env,
      [savedAgain, good, alsoGood, empty],
      `${empty} is empty (0 bytes); there is nothing to keep as evidence`,
    );
    expect(storedBlobFiles(env.dataDir)).toHaveLength(1);
  });

  it('stores and lists files with odd names exactly as they are named', async () => {
    const { core, assessment, sources, dataDir } = await setUp();
    const names = [
      'minutes 2025 (final) copy.txt',
      `it's a "quoted" name.txt`,
      'café – Ünïcödé 日本語 😊.txt',
      'line\nbreak.txt',
      '-leading-dash.txt',
      '--json',
      'tab\there.txt',
      'back\\slash.txt',
      '$(rm -rf ~);`x`.txt',
      ' leading and trailing spaces .txt ',
      '.hidden',
      `${'long-'.repeat(49)}.txt`,
    ];
    const paths = names.map((name, i) => writeTempFile(sources, name, `content of file ${i}`));
    const records = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [criterion],
        sources: paths.map((path) => ({ kind: 'path', path })),
        metadata: {},
      }),
    );
    expect(records.map((r) => r.originalName)).toEqual(names);
    expect(records.map((r) => r.title)).toEqual(names);
    records.forEach((r, i) => expect(r.sha256).toBe(sha256Hex(`content of file ${i}`)));
    const listed = unwrap(await core.invoke('evidence.list', { assessmentId: assessment.id }));
    expect(listed.slice(1).map((r) => r.originalName)).toEqual(names);
    for (const r of records) {
      expect(readFileSync(storedPath(dataDir, r.sha256 ?? ''), 'utf8')).toMatch(/^content of file/);
    }
    // A copy for the system viewer gets a name any file system accepts, with the same content.
    const withNewline = records[3];
    if (!withNewline) throw new Error('no record');
    const copy = unwrap(await core.invoke('evidence.exportCopy', { id: withNewline.id }));
    expect(basename(copy.path)).toBe('line_break.txt');
    expect(readFileSync(copy.path, 'utf8')).toBe('content of file 3');
    rmSync(dirname(copy.path), { recursive: true });
  });
});

describe('an unreadable file', () => {
  it('is refused with a clear message, as a user the permissions apply to', async (ctx) => {
    const dataDir = tempDir();
    const setup = await openTestCore({ dataDir });
    const { assessment } = await startSelfAssessment(setup, 'activity');
    setup.close();
    const sources = tempDir('spqa-sources-');
    const locked = writeTempFile(sources, 'locked.pdf', '%PDF-1.4 secret');
    const shut = join(sources, 'shut');
    mkdirSync(shut);
    const inShut = writeTempFile(shut, 'inside.pdf', '%PDF-1.4 also secret');
    chmodSync(locked, 0o000);
    chmodSync(shut, 0o000);
    // Root reads files whatever their mode, so chmod 000 proves nothing when the tests run as
    // root (as they do in the build container). There the CLI runs as `nobody` instead, which the
    // permissions do stop; anyone else runs it as themselves.
    const asRoot = process.getuid?.() === 0;
    const as = asRoot ? { uid: 65534, gid: 65534 } : {};
    if (asRoot) {
      chmodSync(sources, 0o755);
      for (const entry of ['', ...readdirSync(dataDir)])
        chownSync(join(dataDir, entry), 65534, 65534);
    }
    const before = dumpDatabaseFile(join(dataDir, DATABASE_FILE));
    const attempt = (path: string) =>
      spqa(dataDir, addEvidenceArgs(assessment.id, criterion, path), {}, as);
    try {
      let probe;
      try {
        probe = attempt(locked);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
        return ctx.skip('this container cannot switch to an unprivileged user');
      }
      expectRefused(probe, `${locked}: cannot be read (permission denied)`);
      expectRefused(attempt(inShut), `${inShut}: permission denied`);
      expect(dumpDatabaseFile(join(dataDir, DATABASE_FILE))).toEqual(before);
      expect(storeListing(dataDir)).toEqual([]);
    } finally {
      // So the temporary folders can be cleared by a user without root's reach.
      chmodSync(shut, 0o755);
      chmodSync(locked, 0o644);
    }
  });
});

describe('a source that fails part-way', () => {
  const chunk = (n: number) => Buffer.alloc(64 * 1024, n);

  it('leaves nothing when the file vanishes mid-copy', async () => {
    const { dataDir, core } = await setUp();
    const before = snapshot(core, dataDir);
    const source = failingSource([chunk(1), chunk(2)], errnoError('ENOENT', 'read'));
    await expect(
      ingestStream(storeRoot(dataDir), source, 10 * 64 * 1024, () => undefined),
    ).rejects.toThrow('the file disappeared while it was being copied; nothing was stored');
    expect(snapshot(core, dataDir)).toEqual(before);
  });

  it('leaves nothing when an upload is cut off, and registers no upload', async () => {
    const { dataDir, core } = await setUp();
    const before = snapshot(core, dataDir);
    const source = failingSource([chunk(3)], errnoError('ENOENT', 'read'));
    await expect(core.stageUpload(source, 'scan.pdf', 5 * 64 * 1024)).rejects.toThrow(
      'the file disappeared while it was being copied',
    );
    expect(core.context.uploads.size).toBe(0);
    expect(snapshot(core, dataDir)).toEqual(before);
  });

  it('leaves nothing when the file shrinks or grows while it is copied', async () => {
    const { dataDir, core } = await setUp();
    const before = snapshot(core, dataDir);
    const chunks = [chunk(4), chunk(5), chunk(6)];
    const read = 3 * 64 * 1024;
    await expect(
      ingestStream(storeRoot(dataDir), Readable.from(chunks), read + 1000, () => undefined),
    ).rejects.toThrow(
      `the file changed while it was being copied (${read + 1000} bytes expected, ${read} read); nothing was stored`,
    );
    await expect(
      ingestStream(storeRoot(dataDir), Readable.from(chunks), read - 1, () => undefined),
    ).rejects.toThrow(`(${read - 1} bytes expected, ${read} read)`);
    expect(snapshot(core, dataDir)).toEqual(before);
  });

  it('leaves nothing for an empty stream', async () => {
    const { dataDir, core } = await setUp();
    const before = snapshot(core, dataDir);
    await expect(
      ingestStream(storeRoot(dataDir), Readable.from([]), null, () => undefined),
    ).rejects.toThrow('the file is empty (0 bytes)');
    expect(snapshot(core, dataDir)).toEqual(before);
  });

  it('passes on a read error it has no words for, still leaving nothing', async () => {
    const { dataDir, core } = await setUp();
    const before = snapshot(core, dataDir);
    const source = failingSource([chunk(7)], errnoError('EIO', 'read', 'i/o error'));
    await expect(ingestStream(storeRoot(dataDir), source, null, () => undefined)).rejects.toThrow(
      'EIO',
    );
    expect(snapshot(core, dataDir)).toEqual(before);
  });
});
