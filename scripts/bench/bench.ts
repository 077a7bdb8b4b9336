// `npm run bench [-- --only NAME,NAME] [--data-root DIR]`: runs the benchmarks of benches.ts and
// prints each figure with its ratio to a baseline measured in the same run. Data sets are made
// by the generator on first use in DIR (default: the system temp folder) as spqa-bench-N/.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateData } from './generator/generate';
import { BENCHES } from './benches';
import {
  BENCH_PASSPHRASE,
  type BenchContext,
  type BenchFigure,
  describeFigure,
  openBenchCore,
  progressLine,
  REPO_ROOT,
} from './common';
import { messageOf } from '../../shared/error-message';

const { values } = parseArgs({
  options: { only: { type: 'string' }, 'data-root': { type: 'string' } },
});
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !BENCHES.some((b) => b.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; there are ${BENCHES.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
const dataRoot = resolve(values['data-root'] ?? tmpdir());
const scratch = mkdtempSync(join(tmpdir(), 'spqa-bench-scratch-'));

const made = new Map<number, Promise<string>>();
const ctx: BenchContext = {
  scratch,
  log: (line) => console.log(line),
  dataDir(providers) {
    let dir = made.get(providers);
    if (!dir) {
      dir = (async () => {
        const path = join(dataRoot, `spqa-bench-${providers}`);
        if (existsSync(join(path, 'spqa.db'))) return path;
        console.log(`  generating ${providers} providers into ${path} …`);
        const core = await openBenchCore(path);
        try {
          generateData(core.context, {
            providers,
            passphrase: BENCH_PASSPHRASE,
            progress: progressLine,
          });
          process.stderr.write('\n');
        } finally {
          core.close();
        }
        return path;
      })();
      made.set(providers, dir);
    }
    return dir;
  },
};

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`spqa benchmarks, ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus().length} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM ` +
    `(${(freemem() / 2 ** 30).toFixed(1)} free), load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, Node ${process.version}`,
);
const results: { bench: string; figures: BenchFigure[]; error?: string }[] = [];
let failed = false;
try {
  for (const bench of BENCHES.filter((b) => !only || only.includes(b.name))) {
    console.log(`\n${bench.name}: ${bench.summary}`);
    try {
      const figures = await bench.run(ctx);
      for (const f of figures) console.log(`  => ${describeFigure(f)}`);
      results.push({ bench: bench.name, figures });
    } catch (error) {
      failed = true;
      console.log(`  FAILED: ${(error as Error).stack ?? String(error)}`);
      results.push({ bench: bench.name, figures: [], error: messageOf(error) });
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const out = join(REPO_ROOT, 'dist', 'bench', 'results.json');
writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, cpu, load: loadavg(), results }, null, 2)}\n`,
);
console.log(`\nresults: ${out}`);
process.exitCode = failed ? 1 : 0;
