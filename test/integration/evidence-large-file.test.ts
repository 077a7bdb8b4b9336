import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../shared/evidence/schema';
import { MiB, sha256OfFile, storedPath, writeLargeFile } from '../helpers/evidence';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { CLI_BUNDLE, REPO_ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';
import { addEvidenceArgs } from '../helpers/cli-args';

const GiB = 1024 * MiB;
/** Node itself, SQLite and the bundle take 60-110 MB here; a file read whole would add 1 GiB. */
const PEAK_RSS_LIMIT = 200 * MiB;
const REPORTER = fileURLToPath(new URL('../fixtures/report-peak-rss.mjs', import.meta.url));
const criterion = nationalCode({ appliesTo: 'activity', level: 'essential' });

describe('a 1 GiB file', () => {
  it('streams into the store through the real CLI with bounded memory, showing progress', async () => {
    const dataDir = tempDir();
    const { core, assessment } = await coreWithSelfAssessment({ dataDir });
    core.close();
    const source = join(tempDir('spqa-sources-'), 'site-visit-video.bin');
    writeLargeFile(source, GiB, 7);
    const rssFile = join(tempDir(), 'rss.json');
    const { SPQA_DATA_DIR: _ignored, ...env } = process.env;

    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        pathToFileURL(REPORTER).href,
        CLI_BUNDLE,
        '--data-dir',
        dataDir,
        '--json',
        ...addEvidenceArgs(assessment.id, criterion, source),
      ],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...env, SPQA_ACTOR: 'tester', SPQA_PEAK_RSS_FILE: rssFile },
        timeout: 150_000,
      },
    );
    const elapsedMs = Date.now() - started;
    expect(run.status, run.stderr).toBe(0);

    const [record] = JSON.parse(run.stdout) as EvidenceRecord[];
    const sha256 = await sha256OfFile(source);
    expect(record).toMatchObject({ size: GiB, sha256, originalName: 'site-visit-video.bin' });
    expect(statSync(storedPath(dataDir, sha256)).size).toBe(GiB);

    const { maxRssBytes } = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number };
    console.info(
      `1 GiB ingest: ${elapsedMs} ms, peak RSS ${(maxRssBytes / MiB).toFixed(1)} MiB (limit ${PEAK_RSS_LIMIT / MiB} MiB)`,
    );
    expect(maxRssBytes).toBeGreaterThan(0);
    expect(maxRssBytes).toBeLessThan(PEAK_RSS_LIMIT);

    // Work over a second shows progress, a few lines a second, ending at 100%. Here copying 1 GiB
    // takes several seconds; a machine fast enough to finish within 2 s shows too few to judge.
    const progress = run.stderr
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const match = /^copying site-visit-video\.bin: (\d+) of (\d+) \((\d+)%\)$/.exec(line);
        expect(match, `unexpected stderr line: ${line}`).not.toBeNull();
        return { done: Number(match?.[1]), total: Number(match?.[2]) };
      });
    expect(progress.every((p) => p.total === GiB)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );
    if (elapsedMs > 2000) {
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(progress.at(-1)?.done).toBe(GiB);
    }

    // Two gibibytes of scratch files go now rather than when the whole file is done.
    rmSync(source);
    rmSync(storedPath(dataDir, sha256));
  }, 180_000);
});
