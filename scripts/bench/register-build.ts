import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CERTIFICATES_SQL, SCOPE_SQL } from '../../electron/core/register/entries';
import { REGISTER_FORMATS } from '../../shared/register/schema';
import { type Bench, BENCH_PASSPHRASE, must, openBenchCore, percentile, timed } from './common';
import { shellTimes, sqliteShellAvailable } from './sqlite-shell';

/** The generator issues a certificate to about 43% of providers: this many give 100,000 or more. */
const PROVIDERS = 235_000;
const CERTIFICATES = 100_000;
const RUNS = 3;

/**
 * Publishing the register in every format (JSON, CSV, Open Referral UK, the web page, the signed
 * status list and manifest) at 100,000 certificates. The baseline is the sqlite3 shell exporting
 * the same rows as CSV to a file: the two statements the build reads the register with (one row
 * per certificate with its holder, one per service in each scope), run by the shell with the same
 * parameters. Each is run three times; the medians are compared.
 */
export const registerBuildBench: Bench = {
  name: 'register-build',
  summary: 'register build, all formats, at 100,000 certificates',
  async run(ctx) {
    if (!sqliteShellAvailable()) throw new Error('the sqlite3 shell is needed for the baseline');
    const dataDir = await ctx.dataDir(PROVIDERS);
    // As the app, the CLI and browser mode open it: with the worker scripts, so JSON, ORUK and the
    // web page are written on their own thread.
    const core = await openBenchCore(dataDir, { workers: true });
    try {
      const certificates = core.context.db
        .prepare('SELECT count(*) FROM certificates')
        .pluck()
        .get() as number;
      if (certificates < CERTIFICATES) {
        throw new Error(
          `the data set has ${certificates} certificates, fewer than ${CERTIFICATES}`,
        );
      }
      ctx.log(`  ${certificates.toLocaleString('en-GB')} certificates`);

      const outDir = join(ctx.scratch, 'register');
      const builds: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        // Each build into an empty folder (replacing an earlier publication also deletes it).
        rmSync(outDir, { recursive: true, force: true });
        const { ms, value: result } = await timed(() =>
          core.invoke('register.build', {
            outDir,
            formats: [...REGISTER_FORMATS],
            passphrase: BENCH_PASSPHRASE,
          }),
        );
        const built = must(result);
        if (built.entries !== certificates) throw new Error('the build missed certificates');
        builds.push(ms);
        if (run === 0) {
          const bytes = built.files.reduce((sum, f) => sum + f.bytes, 0);
          ctx.log(
            `  ${built.files.length} files, ${(bytes / 2 ** 20).toFixed(0)} MiB, written by ${built.threads} threads`,
          );
        }
      }
      const build = percentile(builds, 50);
      ctx.log(`  builds: ${builds.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}`);

      const csv = join(ctx.scratch, 'register-rows.csv');
      const shell = Array.from({ length: RUNS }, () => {
        const [ms] = shellTimes(join(dataDir, 'spqa.db'), [[CERTIFICATES_SQL, SCOPE_SQL]], {
          preamble: [
            '.mode csv',
            '.headers on',
            ".parameter set @after ''",
            ".parameter set @last '~'",
            '.parameter set @limit -1',
          ],
          output: csv,
        });
        return ms ?? NaN;
      });
      const baseline = percentile(shell, 50);
      ctx.log(
        `  sqlite3 shell, the same rows as CSV: ${shell.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB)`,
      );
      const ratio = build / baseline;
      return [
        {
          name: 'register build, all formats, 100,000 certificates',
          value: build / 1000,
          unit: 's',
          baseline: {
            label: 'sqlite3 shell exporting the same rows as CSV',
            value: baseline / 1000,
          },
          ratio,
          ratioMeaning: 'build time ÷ shell export time',
          target: '≤ 5 s and ≤ 3× the shell',
          met: build <= 5000 && ratio <= 3,
        },
      ];
    } finally {
      core.close();
    }
  },
};
