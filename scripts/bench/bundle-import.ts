import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, BENCH_PASSPHRASE, must, openBenchCore, timed } from './common';
import { BUNDLE_EXTENSION } from '../../shared/bundles/schema';

const ASSESSMENTS = 1_000;

/**
 * Importing 1,000 assessments, each in its own signed bundle (as networks exchange them), into a
 * fresh installation that trusts the sender: every zip checked, every hash and the signature
 * verified, the records parsed and applied one bundle per transaction, the evidence stored. The
 * bundles are exported untimed from the 10,000-provider data set. The baseline is what any
 * import must at least do: unzip inflating every entry of the same bundles and sha256sum hashing
 * all the bytes (one process each, over all the bundles).
 */
export const bundleImportBench: Bench = {
  name: 'bundle-import',
  summary: 'bundle import of 1,000 assessments',
  async run(ctx) {
    const source = await ctx.dataDir(10_000);
    const bundles = join(ctx.scratch, 'bundles');
    mkdirSync(bundles, { recursive: true });
    const sender = await openBenchCore(source);
    let pem: string;
    try {
      const ids = sender.context.db
        .prepare(
          `SELECT a.id FROM assessments a JOIN decisions d ON d.assessment_id = a.id
           WHERE a.kind = 'external' ORDER BY a.id LIMIT ?`,
        )
        .pluck()
        .all(ASSESSMENTS) as string[];
      if (ids.length < ASSESSMENTS) throw new Error(`only ${ids.length} decided assessments`);
      const exported = await timed(async () => {
        for (const [i, assessmentId] of ids.entries()) {
          must(
            await sender.invoke('bundles.export', {
              assessmentId,
              passphrase: BENCH_PASSPHRASE,
              file: join(bundles, `${String(i).padStart(4, '0')}${BUNDLE_EXTENSION}`),
            }),
          );
        }
      });
      pem = must(await sender.invoke('keys.exportPublic', {})).pem;
      const files = readdirSync(bundles).map((f) => join(bundles, f));
      const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
      ctx.log(
        `  exported ${files.length} bundles (${(bytes / 2 ** 20).toFixed(0)} MiB) in ${(exported.ms / 1000).toFixed(1)} s`,
      );
    } finally {
      sender.close();
    }

    const target = join(ctx.scratch, 'importer');
    const receiver = await openBenchCore(target);
    let importMs: number;
    try {
      must(await receiver.invoke('trustedKeys.add', { pem, name: 'Bench network' }));
      const files = readdirSync(bundles)
        .sort()
        .map((f) => join(bundles, f));
      const { ms } = await timed(async () => {
        for (const path of files) {
          const result = must(
            await receiver.invoke('bundles.import', { source: { kind: 'path', path } }),
            path,
          );
          if (!result.applied) throw new Error(`${path}: ${result.message}`);
        }
      });
      importMs = ms;
      const imported = receiver.context.db
        .prepare("SELECT count(*) FROM assessments WHERE kind = 'external'")
        .pluck()
        .get() as number;
      if (imported !== ASSESSMENTS)
        throw new Error(`${imported} assessments arrived, not ${ASSESSMENTS}`);
      ctx.log(
        `  imported ${ASSESSMENTS} assessments in ${(ms / 1000).toFixed(1)} s (${(ms / ASSESSMENTS).toFixed(1)} ms each)`,
      );
    } finally {
      receiver.close();
    }

    const base = await timed(() => {
      const run = spawnSync('bash', ['-c', "unzip -p -qq '*.spqa' | sha256sum"], {
        cwd: bundles,
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`unzip | sha256sum failed: ${run.stderr}`);
    });
    ctx.log(`  unzip -p | sha256sum over the same bundles: ${(base.ms / 1000).toFixed(2)} s`);
    return [
      {
        name: 'bundle import, 1,000 assessments',
        value: importMs / 1000,
        unit: 's',
        baseline: { label: 'unzip -p | sha256sum over the same bundles', value: base.ms / 1000 },
        ratio: importMs / base.ms,
        ratioMeaning: 'import time ÷ time to inflate and hash the same bytes',
        target: null,
        met: null,
      },
    ];
  },
};
