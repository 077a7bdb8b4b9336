import { join } from 'node:path';
import { generateHeavyAssessment } from './generator/generate';
import { type Bench, must, openBenchCore, percentile, timed } from './common';
import { shellTimes, sqlLiteral, sqliteShellAvailable } from './sqlite-shell';

const EVIDENCE_ITEMS = 500;
const RUNS = 60;
const WARM_UP = 10;

/**
 * Opening the heaviest assessment screen: every criterion rated and 500 pieces of evidence, in a
 * database of 100,000 providers. Timed in the core as the screen asks for it (the assessment with
 * its readiness, its evidence and the evidence's freshness), against the sqlite3 shell reading
 * the same rows.
 */
export const openAssessmentBench: Bench = {
  name: 'open-assessment',
  summary: 'open an assessment with all criteria and 500 evidence items (core)',
  async run(ctx) {
    const dataDir = await ctx.dataDir(100_000);
    const core = await openBenchCore(dataDir);
    try {
      const db = core.context.db;
      let id = db
        .prepare(
          `SELECT a.id FROM assessments a JOIN providers p ON p.id = a.provider_id
           WHERE p.name = 'Bench Heavy Evidence Trust' AND a.kind = 'external'`,
        )
        .pluck()
        .get() as string | undefined;
      id ??= generateHeavyAssessment(core.context, EVIDENCE_ITEMS);
      const evidence = db
        .prepare('SELECT count(*) FROM evidence WHERE assessment_id = ?')
        .pluck()
        .get(id) as number;
      ctx.log(`  assessment ${id}: ${evidence} evidence items`);

      const times: number[] = [];
      for (let run = 0; run < WARM_UP + RUNS; run += 1) {
        const { ms } = await timed(async () => {
          for (const [method, input] of [
            ['assessments.get', { id }],
            ['evidence.list', { assessmentId: id }],
            ['evidence.freshness', { assessmentId: id }],
          ] as const) {
            must(await core.invokeUnknown(method, input), method);
          }
        });
        if (run >= WARM_UP) times.push(ms);
      }
      const p95 = percentile(times, 95);
      ctx.log(`  core: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);

      let baseline: number | null = null;
      if (sqliteShellAvailable()) {
        const quotedId = sqlLiteral(id);
        const statements = [
          `SELECT * FROM assessments WHERE id = ${quotedId}`,
          `SELECT document FROM frameworks f JOIN assessments x ON x.framework_id = f.id AND x.framework_version = f.version WHERE x.id = ${quotedId}`,
          `SELECT * FROM ratings WHERE assessment_id = ${quotedId}`,
          `SELECT * FROM findings WHERE assessment_id = ${quotedId}`,
          `SELECT * FROM evidence WHERE assessment_id = ${quotedId}`,
          `SELECT c.* FROM evidence_criteria c JOIN evidence e ON e.id = c.evidence_id WHERE e.assessment_id = ${quotedId}`,
        ];
        const shell = shellTimes(
          join(dataDir, 'spqa.db'),
          Array.from({ length: RUNS }, () => statements),
        );
        baseline = percentile(shell, 95);
        ctx.log(`  sqlite3 shell, the same rows: p95 ${baseline.toFixed(2)} ms`);
      }
      return [
        {
          name: 'open an assessment (all criteria, 500 evidence items), p95',
          value: p95,
          unit: 'ms',
          baseline:
            baseline === null
              ? null
              : { label: 'sqlite3 shell reading the same rows', value: baseline },
          ratio: baseline === null ? null : p95 / baseline,
          ratioMeaning: 'core time ÷ shell time: the cost of building the screen’s data',
          target: '≤ 50 ms',
          met: p95 <= 50,
        },
      ];
    } finally {
      core.close();
    }
  },
};
