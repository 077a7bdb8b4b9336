import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { seededRandom } from './generator/names';
import { providerListStatements } from '../../electron/core/providers/queries';
import { type Bench, type BenchFigure, must, openBenchCore, percentile, timed } from './common';
import { shellTimes, sqlLiteral, sqliteShellAvailable } from './sqlite-shell';

const PER_KIND = 100;
const PAGE = 100;
const WARM_UP = 30;

type Kind = 'name' | 'charity number' | 'postcode prefix';

/** Searches people make: part of a name as they would type it, a charity number, a postcode start. */
function searches(db: Database): { kind: Kind; query: string }[] {
  const random = seededRandom(99);
  const sample = (sql: string) =>
    db.prepare(`${sql} ORDER BY random() LIMIT ${PER_KIND}`).pluck().all() as string[];
  const names = sample('SELECT name FROM providers').map((name) => {
    const words = name.split(' ');
    const at = Math.floor(random() * Math.max(1, words.length - 1));
    return words.slice(at, at + 2).join(' ');
  });
  const charities = sample('SELECT charity_number FROM providers WHERE charity_number IS NOT NULL');
  const postcodes = sample('SELECT postcode FROM providers WHERE postcode IS NOT NULL').map((p) =>
    random() < 0.5 ? (p.split(' ')[0] ?? p) : p.slice(0, p.indexOf(' ') + 2),
  );
  const all = [
    ...names.map((query) => ({ kind: 'name' as const, query })),
    ...charities.map((query) => ({ kind: 'charity number' as const, query })),
    ...postcodes.map((query) => ({ kind: 'postcode prefix' as const, query })),
  ];
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j] as (typeof all)[number], all[i] as (typeof all)[number]];
  }
  return all;
}

/** The statements with their parameters written in, as the shell needs them. */
function inline(sql: string, params: Record<string, string | number>): string {
  return sql.replace(/@(\w+)/g, (_, name: string) => sqlLiteral(params[name] ?? null));
}

/**
 * Provider search at 100,000 providers through the core (`providers.list`, a page of 100 and the
 * total, as the providers screen asks), by name, charity number and postcode prefix. Baseline:
 * the sqlite3 shell running the same statement on the same file.
 */
export const providerSearchBench: Bench = {
  name: 'provider-search',
  summary: 'provider search at 100,000 providers, p95',
  async run(ctx) {
    const dataDir = await ctx.dataDir(100_000);
    const core = await openBenchCore(dataDir);
    try {
      const list = searches(core.context.db);
      const search = async (query: string) => {
        return must(await core.invoke('providers.list', { query, limit: PAGE })).total;
      };
      for (const { query } of list.slice(0, WARM_UP)) await search(query);
      const times = new Map<Kind | 'all', number[]>([['all', []]]);
      let found = 0;
      for (const { kind, query } of list) {
        const { ms, value } = await timed(() => search(query));
        if (value > 0) found += 1;
        times.get('all')?.push(ms);
        times.set(kind, [...(times.get(kind) ?? []), ms]);
      }
      for (const [kind, ms] of times) {
        ctx.log(
          `  core ${kind}: p50 ${percentile(ms, 50).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms`,
        );
      }
      ctx.log(`  ${found} of ${list.length} searches found something`);
      const p95 = percentile(times.get('all') ?? [], 95);

      let baseline: number | null = null;
      if (sqliteShellAvailable()) {
        const groups = list.map(({ query }) => {
          const { pageSql, params } = providerListStatements({
            query,
            includeArchived: false,
            limit: PAGE,
            offset: 0,
          });
          // The page carries the total with it; the core runs the count alone only past the end.
          return [inline(pageSql, params)];
        });
        baseline = percentile(shellTimes(join(dataDir, 'spqa.db'), groups), 95);
        ctx.log(`  sqlite3 shell, the same statements: p95 ${baseline.toFixed(2)} ms`);
      } else {
        ctx.log('  sqlite3 shell not installed (apt-get install sqlite3): no baseline');
      }
      const figure: BenchFigure = {
        name: 'provider search at 100,000 providers (name, charity number, postcode prefix), p95',
        value: p95,
        unit: 'ms',
        baseline:
          baseline === null ? null : { label: 'sqlite3 shell, same statements', value: baseline },
        ratio: baseline === null ? null : p95 / baseline,
        ratioMeaning: 'core time ÷ shell time',
        target: '≤ 10 ms',
        met: p95 <= 10,
      };
      return [figure];
    } finally {
      core.close();
    }
  },
};
