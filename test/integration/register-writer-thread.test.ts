import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateData } from '../../scripts/bench/generator/generate';
import { RegisterReader } from '../../electron/core/register/entries';
import { WRITER_WORKER_FILE, WriterThread } from '../../electron/core/register/writer-thread';
import type { RegisterEntry } from '../../shared/register/schema';
import { openTestCore } from '../helpers/core';
import { WORKERS_DIR } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

const SCRIPT = join(WORKERS_DIR, WRITER_WORKER_FILE);
let entries: RegisterEntry[];

/** Files under `dir` this process has open (its threads share the process's descriptors). */
function openFilesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(join('/proc/self/fd', fd));
      } catch {
        return '';
      }
    })
    .filter((path) => path.startsWith(`${dir}/`));
}

beforeAll(async () => {
  const core = await openTestCore();
  generateData(core.context, { providers: 40, passphrase: 'thread test passphrase', seed: 5 });
  entries = new RegisterReader(core.context.db, '2026-11-23').next();
  core.close();
}, 60_000);

const header = { generatedAt: '2026-11-23T09:00:00.000Z', network: { name: 'Net', keyId: 'k' } };

describe('the register’s writer thread', () => {
  it('writes its outputs and reports each file’s size and hash as written', async () => {
    expect(entries.length).toBeGreaterThan(5);
    const dir = tempDir();
    mkdirSync(join(dir, 'oruk'));
    const thread = new WriterThread(SCRIPT, dir, [{ kind: 'json', header }, { kind: 'oruk' }]);
    // More chunks than it may fall behind by: the build waits for it rather than queue them all.
    for (let i = 0; i < 5; i += 1) {
      thread.add(i === 0 ? entries : []);
      await thread.caughtUp();
    }
    const files = await thread.finish();
    expect(files.map((f) => f.path).sort()).toEqual([
      'oruk/locations.json',
      'oruk/organizations.json',
      'oruk/services.json',
      'oruk/taxonomies.json',
      'register.json',
      'register.schema.json',
    ]);
    for (const f of files) {
      const bytes = readFileSync(join(dir, ...f.path.split('/')));
      expect(bytes.length, f.path).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
    }
    const register = JSON.parse(readFileSync(join(dir, 'register.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(register.entries).toHaveLength(entries.length);
    expect(thread.orukServices).toBeGreaterThan(0);
  });

  it('fails the build with the thread’s reason, and lets go of its files when abandoned', async () => {
    const dir = tempDir();
    // No oruk/ folder: the thread cannot open its first ORUK file.
    const thread = new WriterThread(SCRIPT, dir, [{ kind: 'json', header }, { kind: 'oruk' }]);
    let failure: unknown = null;
    try {
      for (let i = 0; i < 4; i += 1) {
        thread.add(entries);
        await thread.caughtUp();
      }
      await thread.finish();
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).toMatch(/ENOENT|no such file/);
    await thread.abandon();
    // Nothing in the folder is still open (on Windows an open file could not be removed).
    expect(openFilesUnder(dir)).toEqual([]);
    rmSync(dir, { recursive: true });
    expect(() => readdirSync(dir)).toThrow();
  });

  it('abandons a build half-way: the files are closed and the thread ends', async () => {
    const dir = tempDir();
    const thread = new WriterThread(SCRIPT, dir, [{ kind: 'json', header }]);
    // Three chunks: the build then waits for the thread to answer one, so it is surely writing.
    for (let i = 0; i < 3; i += 1) thread.add(entries);
    await thread.caughtUp();
    expect(openFilesUnder(dir)).toEqual([join(dir, 'register.json')]);
    await thread.abandon();
    expect(readdirSync(dir).sort()).toEqual(['register.json', 'register.schema.json']);
    expect(openFilesUnder(dir)).toEqual([]);
    // Ended: nothing more is taken.
    await thread.abandon();
  });
});
