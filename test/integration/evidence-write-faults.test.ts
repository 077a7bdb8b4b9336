import type * as Fs from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestStream, storeRoot } from '../../electron/core/evidence/store';
import { failure, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { errnoError, storeListing, writeLargeFile } from '../helpers/evidence';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { tempDir } from '../helpers/temp-dir';

/**
 * Write faults injected into the store's file writes, so a full disk is tested everywhere (the
 * tmpfs test in evidence-disk-full.test.ts needs root). The first `after` bytes really reach the
 * temporary file; the write after that fails as the kernel would report it.
 */
const fault = vi.hoisted(() => ({ code: null as string | null, after: 0, onDiskAtFault: -1 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const createWriteStream = ((...args: Parameters<typeof fs.createWriteStream>) => {
    const stream = fs.createWriteStream(...args);
    const code = fault.code;
    if (code === null) return stream;
    let written = 0;
    const realWrite = stream._write.bind(stream);
    const faulty = stream as unknown as { _write: typeof stream._write; _writev: unknown };
    // One chunk at a time, so the fault lands exactly where it is asked to.
    faulty._writev = null;
    faulty._write = (chunk: Buffer, encoding, callback) => {
      if (written + chunk.length > fault.after) {
        fault.onDiskAtFault = fs.statSync(args[0]).size;
        callback(errnoError(code, 'write'));
        return;
      }
      written += chunk.length;
      realWrite(chunk, encoding, callback);
    };
    return stream;
  }) as typeof fs.createWriteStream;
  return { ...fs, createWriteStream };
});

afterEach(() => {
  fault.code = null;
});

const criterion = nationalCode({ appliesTo: 'activity', level: 'essential' });
const MiB = 1024 * 1024;

describe('write faults while storing evidence', () => {
  it('the fault injection really writes part of the file first', async () => {
    const root = storeRoot(tempDir());
    fault.code = 'ENOSPC';
    fault.after = MiB;
    const chunks = [0, 1, 2, 3].map((i) => Buffer.alloc(MiB / 2, i));
    await expect(
      ingestStream(root, Readable.from(chunks), 2 * MiB, () => undefined),
    ).rejects.toThrow('the disk is full');
    // Two chunks were on disk when the third failed; the part file they went to is gone.
    expect(fault.onDiskAtFault).toBe(MiB);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  for (const [code, message] of [
    ['ENOSPC', 'the disk is full; nothing was stored. Free some space and try again'],
    ['EDQUOT', 'the disk quota is used up; nothing was stored'],
    ['EACCES', 'cannot write to the evidence store (EACCES)'],
    ['EPERM', 'cannot write to the evidence store (EPERM)'],
  ] as const) {
    it(`${code}: says so plainly, stores nothing and changes nothing saved`, async () => {
      const dataDir = tempDir();
      const { core, assessment } = await coreWithSelfAssessment({ dataDir });
      const sources = tempDir('spqa-sources-');
      const add = (name: string) =>
        core.invoke('evidence.add', {
          assessmentId: assessment.id,
          criteria: [criterion],
          sources: [{ kind: 'path', path: join(sources, name) }],
          metadata: {},
        });
      writeLargeFile(join(sources, 'saved.bin'), 3 * MiB, 1);
      writeLargeFile(join(sources, 'first.bin'), 2 * MiB, 2);
      writeLargeFile(join(sources, 'large.bin'), 4 * MiB, 3);
      unwrap(await add('saved.bin'));
      const before = { db: dumpDatabase(core.context.db), store: storeListing(dataDir) };

      fault.code = code;
      fault.after = MiB;
      const error = failure(await add('large.bin'), 'invalid_input');
      expect(error.message).toBe(message);
      expect({ db: dumpDatabase(core.context.db), store: storeListing(dataDir) }).toEqual(before);

      // A request whose first file fits and whose second does not stores neither.
      fault.after = 3 * MiB;
      const both = await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [criterion],
        sources: ['first.bin', 'large.bin'].map((name) => ({
          kind: 'path',
          path: join(sources, name),
        })),
        metadata: {},
      });
      expect(failure(both, 'invalid_input').message).toBe(message);
      expect({ db: dumpDatabase(core.context.db), store: storeListing(dataDir) }).toEqual(before);
      expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
        ok: true,
        orphans: 0,
      });
    });
  }
});
