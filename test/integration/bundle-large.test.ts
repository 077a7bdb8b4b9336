import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../helpers/core';
import { installation, PASSPHRASE, storedHashes, trust } from '../helpers/bundle-fixtures';
import { MiB, sha256OfFile, writeLargeFile } from '../helpers/evidence';
import { startSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { CLI_BUNDLE, REPO_ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

/** Node, SQLite and the bundle take 60-110 MB; a file read whole would add its 384 MiB. */
const PEAK_RSS_LIMIT = 200 * MiB;
const SIZE = 384 * MiB;
const REPORTER = fileURLToPath(new URL('../fixtures/report-peak-rss.mjs', import.meta.url));

/** Runs the real CLI with its peak memory recorded; returns the run and the peak in bytes. */
function measured(dataDir: string, args: string[]) {
  const rssFile = join(tempDir(), 'rss.json');
  const { SPQA_DATA_DIR: _ignored, ...env } = process.env;
  const run = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(REPORTER).href, CLI_BUNDLE, '--data-dir', dataDir, ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...env,
        SPQA_ACTOR: 'tester',
        SPQA_PASSPHRASE: PASSPHRASE,
        SPQA_PEAK_RSS_FILE: rssFile,
      },
      timeout: 120_000,
    },
  );
  expect(run.status, run.stderr).toBe(0);
  const { maxRssBytes } = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number };
  return { run, maxRssBytes };
}

describe('a bundle with a large evidence file', () => {
  it('is exported and imported by streaming, with bounded memory and progress on stderr', async () => {
    const sender = await installation();
    const { assessment } = await startSelfAssessment(sender.core, 'activity');
    const source = join(tempDir('spqa-sources-'), 'site-visit-video.bin');
    writeLargeFile(source, SIZE, 11);
    const sha256 = await sha256OfFile(source);
    unwrap(
      await sender.core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [nationalCode({ appliesTo: 'activity' })],
        sources: [{ kind: 'path', path: source }],
        metadata: { title: 'Site visit video' },
      }),
    );
    const receiver = await installation();
    await trust(sender.core, receiver.core);
    sender.core.close();
    receiver.core.close();

    const file = join(tempDir('spqa-bundles-'), 'large.spqa');
    const exported = measured(sender.dataDir, [
      'bundle',
      'export',
      '--assessment',
      assessment.id,
      file,
    ]);
    const imported = measured(receiver.dataDir, ['bundle', 'import', file]);
    console.info(
      `384 MiB bundle: export peak RSS ${(exported.maxRssBytes / MiB).toFixed(1)} MiB, import ${(imported.maxRssBytes / MiB).toFixed(1)} MiB`,
    );
    expect(exported.maxRssBytes).toBeLessThan(PEAK_RSS_LIMIT);
    expect(imported.maxRssBytes).toBeLessThan(PEAK_RSS_LIMIT);
    expect(storedHashes(receiver.dataDir)[sha256]).toBe(sha256);
    // Work over a second reports progress on stderr, ending complete.
    for (const run of [exported.run, imported.run]) {
      const lines = run.stderr.split('\n').filter(Boolean);
      for (const line of lines)
        expect(line).toMatch(
          /^(packing evidence files|checking the bundle|storing evidence files): \d+ of \d+ \(\d+%\)$/,
        );
    }
  });
});
