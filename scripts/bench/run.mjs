// Runs a benchmark entry point written in TypeScript: bundles scripts/bench/<name>.ts with esbuild
// (as scripts/build-node.mjs does for the app) into dist/bench/ and runs it with the arguments
// given. `npm run bench:data -- --providers N` runs data.ts; `npm run bench` runs bench.ts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('usage: node scripts/bench/run.mjs data|bench [ARGS...]');
  process.exit(2);
}
const outfile = `dist/bench/${name}.mjs`;
await esbuild.build({
  absWorkingDir: root,
  entryPoints: [`scripts/bench/${name}.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: [
    'better-sqlite3',
    'electron',
    'esbuild',
    'vite',
    '@vitejs/plugin-react',
    'playwright-core',
    '@playwright/test',
  ],
  banner: {
    js: "import { createRequire as __spqaCreateRequire } from 'node:module'; const require = __spqaCreateRequire(import.meta.url);",
  },
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.exitCode = run.status ?? 1;
