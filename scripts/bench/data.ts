// `npm run bench:data -- --providers N [--data-dir DIR] [--seed S]`: a data folder with N
// providers and everything that goes with them (see generator/generate.ts), which the
// app, the CLI and browser mode open like any other.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateData } from './generator/generate';
import { BENCH_PASSPHRASE, openBenchCore, progressLine } from './common';

const { values } = parseArgs({
  options: {
    providers: { type: 'string' },
    'data-dir': { type: 'string' },
    seed: { type: 'string' },
  },
});
const providers = Number(values.providers);
if (!Number.isInteger(providers) || providers < 1) {
  console.error('usage: npm run bench:data -- --providers N [--data-dir DIR] [--seed S]');
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? join(tmpdir(), `spqa-bench-${providers}`));
const started = performance.now();
const core = await openBenchCore(dataDir);
try {
  const counts = generateData(core.context, {
    providers,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    passphrase: process.env.SPQA_PASSPHRASE ?? BENCH_PASSPHRASE,
    progress: progressLine,
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  console.log(`generated in ${seconds.toFixed(1)} s into ${dataDir}`);
  for (const [what, n] of Object.entries(counts)) console.log(`  ${what.padEnd(14)} ${n}`);
  console.log(
    `open it with: npx spqa --data-dir ${dataDir} info  (or npm run web -- --data-dir ${dataDir})`,
  );
} finally {
  core.close();
}
