import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, must, openBenchCore, timed } from './common';

const MiB = 1024 * 1024;
const FILES = 16;
const FILE_BYTES = 64 * MiB;
const TOTAL = FILES * FILE_BYTES;
const ROUNDS = 3;

/** Incompressible files (random blocks, each stamped so none repeats), written once. */
function writeSources(folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const block = randomBytes(MiB);
  return Array.from({ length: FILES }, (_, f) => {
    const path = join(folder, `evidence-${f}.bin`);
    const fd = openSync(path, 'w');
    try {
      for (let i = 0; i < FILE_BYTES / MiB; i += 1) {
        block.writeUInt32LE(f, 0);
        block.writeUInt32LE(i, 4);
        writeSync(fd, block);
      }
    } finally {
      closeSync(fd);
    }
    return path;
  });
}

async function ingestOnce(dataDir: string, files: string[]): Promise<number> {
  const core = await openBenchCore(dataDir);
  try {
    const provider = must(
      await core.invoke('providers.create', { name: 'Ingest Trust', type: 'both' }),
    );
    const assessment = must(
      await core.invoke('assessments.start', { providerId: provider.id, kind: 'self' }),
    );
    const { ms } = await timed(async () =>
      must(
        await core.invoke('evidence.add', {
          assessmentId: assessment.id,
          criteria: [],
          sources: files.map((path) => ({ kind: 'path' as const, path })),
          metadata: {},
        }),
      ),
    );
    return ms;
  } finally {
    core.close();
  }
}

/**
 * Evidence ingest of 1 GiB (16 files of 64 MiB) through the core's `evidence.add`: hashed,
 * written to a temporary file, flushed to disk and renamed into the store, records written.
 * Baseline: `sha256sum` and then `cp` of the same files, which neither flushes nor records.
 */
export const evidenceIngestBench: Bench = {
  name: 'evidence-ingest',
  summary: 'evidence ingest of 1 GiB vs sha256sum + cp',
  async run(ctx) {
    const sources = writeSources(join(ctx.scratch, 'ingest-sources'));
    const ours: number[] = [];
    const theirs: number[] = [];
    const durable: number[] = [];
    const shell = async (script: string, dest: string) => {
      mkdirSync(dest);
      const run = await timed(() =>
        spawnSync('bash', ['-c', script, 'bench', ...sources], {
          env: { ...process.env, DEST: dest },
        }),
      );
      if (run.value.status !== 0) throw new Error(`${script} failed: ${run.value.stderr}`);
      rmSync(dest, { recursive: true, force: true });
      return run.ms;
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      theirs.push(
        await shell(
          'sha256sum "$@" >/dev/null && cp "$@" "$DEST"',
          join(ctx.scratch, `cp-${round}`),
        ),
      );
      // The same, with each copy flushed to disk as the store flushes each file it keeps.
      durable.push(
        await shell(
          'sha256sum "$@" >/dev/null && cp "$@" "$DEST" && sync "$DEST"/*',
          join(ctx.scratch, `sync-${round}`),
        ),
      );
      const dataDir = join(ctx.scratch, `ingest-${round}`);
      ours.push(await ingestOnce(dataDir, sources));
      rmSync(dataDir, { recursive: true, force: true });
    }
    const best = (xs: number[]) => Math.min(...xs);
    const mbps = (ms: number) => TOTAL / MiB / (ms / 1000);
    const ourRate = mbps(best(ours));
    const baseRate = mbps(best(theirs));
    const durableRate = mbps(best(durable));
    const list = (xs: number[]) => xs.map((ms) => ms.toFixed(0)).join(', ');
    ctx.log(
      `  core ${list(ours)} ms; sha256sum+cp ${list(theirs)} ms; with sync ${list(durable)} ms (best of ${ROUNDS} each)`,
    );
    rmSync(join(ctx.scratch, 'ingest-sources'), { recursive: true, force: true });
    return [
      {
        name: 'evidence ingest of 1 GiB',
        value: ourRate,
        unit: 'MiB/s',
        baseline: { label: 'sha256sum + cp of the same files', value: baseRate },
        ratio: ourRate / baseRate,
        ratioMeaning: 'share of the baseline’s throughput',
        target: '≥ 70% of the baseline',
        met: ourRate / baseRate >= 0.7,
      },
      {
        name: 'evidence ingest of 1 GiB, beside a copy flushed to disk as the store flushes',
        value: ourRate,
        unit: 'MiB/s',
        baseline: { label: 'sha256sum + cp + sync of each copy', value: durableRate },
        ratio: ourRate / durableRate,
        ratioMeaning: 'share of the baseline’s throughput',
        target: null,
        met: null,
      },
    ];
  },
};
