import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { storeRoot } from '../../electron/core/evidence/store';
import { spqa } from '../helpers/cli';
import { addEvidenceArgs } from '../helpers/cli-args';
import { expectRefused } from '../helpers/cli-expect';
import { failure, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { storeListing, writeLargeFile } from '../helpers/evidence';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { tempDir } from '../helpers/temp-dir';

const criterion = nationalCode({ appliesTo: 'activity', level: 'essential' });
const DISK_FULL = 'the disk is full; nothing was stored. Free some space and try again';

const mounts: string[] = [];

/**
 * Mounts a small tmpfs as the evidence store, so the disk really fills: root only (the build
 * container runs the tests as root). Returns false where mounting is not allowed.
 */
function mountTinyStore(dataDir: string, options: string): boolean {
  const root = storeRoot(dataDir);
  mkdirSync(root, { recursive: true });
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', root], {
    encoding: 'utf8',
  });
  if (mount.status !== 0) return false;
  mounts.push(root);
  return true;
}

afterEach(() => {
  for (const root of mounts.splice(0)) spawnSync('umount', [root]);
});

async function setUp(options: string) {
  const dataDir = tempDir();
  if (!mountTinyStore(dataDir, options)) return null;
  const { core, assessment } = await coreWithSelfAssessment({ dataDir });
  const sources = tempDir('spqa-sources-');
  const add = (path: string) =>
    core.invoke('evidence.add', {
      assessmentId: assessment.id,
      criteria: [criterion],
      sources: [{ kind: 'path', path }],
      metadata: {},
    });
  return { dataDir, core, assessment, sources, add };
}

const snapshot = (core: Core, dataDir: string) => ({
  db: dumpDatabase(core.context.db),
  store: storeListing(dataDir),
});

describe('a full disk', () => {
  it('refuses the file that does not fit, leaving no part file and the saved file intact', async (ctx) => {
    const env = await setUp('size=1m');
    if (!env) return ctx.skip('mounting a tmpfs needs root');
    const { dataDir, core, assessment, sources, add } = env;
    const fits = join(sources, 'fits.bin');
    writeLargeFile(fits, 600 * 1024, 1);
    const [saved] = unwrap(await add(fits));
    const tooBig = join(sources, 'too-big.bin');
    writeLargeFile(tooBig, 800 * 1024, 2);

    const before = snapshot(core, dataDir);
    const error = failure(await add(tooBig), 'invalid_input');
    expect(error.message).toBe(DISK_FULL);
    expect(snapshot(core, dataDir)).toEqual(before);
    expect(readdirSync(join(storeRoot(dataDir), 'tmp'))).toEqual([]);
    expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      checked: 1,
    });

    // The real CLI says the same in one line and exits 2.
    expectRefused(spqa(dataDir, addEvidenceArgs(assessment.id, criterion, tooBig)), DISK_FULL);
    expect(snapshot(core, dataDir)).toEqual(before);

    // Once space is freed the same file goes in.
    unwrap(await core.invoke('evidence.remove', { id: saved?.id, reason: 'Making room' }));
    expect(unwrap(await add(tooBig))).toHaveLength(1);
  });

  it('says the disk is full when not even the temporary folder can be made', async (ctx) => {
    // A store with no free inodes: the first add fails making its temporary folder.
    const env = await setUp('size=1m,nr_inodes=1');
    if (!env) return ctx.skip('mounting a tmpfs needs root');
    const { dataDir, core, sources, add } = env;
    const file = join(sources, 'small.bin');
    writeLargeFile(file, 10_000, 3);
    const before = snapshot(core, dataDir);
    const error = failure(await add(file), 'invalid_input');
    expect(error.message).toBe(DISK_FULL);
    expect(snapshot(core, dataDir)).toEqual(before);
  });
});
