// Bundles the Node-side entry points (CLI, browser-mode server, Electron main and preload, and
// the worker threads) with esbuild. It runs on `npm install` so `npx spqa` works straight away; it takes about a second.
import { fileURLToPath } from 'node:url';

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // A production install without devDependencies has nothing to build with (and needs nothing).
  console.warn('spqa: esbuild is not installed; skipping the Node build');
  process.exit(0);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // better-sqlite3 is a native module; electron is provided by the runtime.
  external: ['better-sqlite3', 'electron'],
};
// ESM bundles still meet CommonJS dependencies that call require(); give them one.
const esmBanner = {
  js: "import { createRequire as __spqaCreateRequire } from 'node:module'; const require = __spqaCreateRequire(import.meta.url);",
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'dist/cli/spqa.mjs',
    format: 'esm',
    banner: esmBanner,
  }),
  esbuild.build({
    ...common,
    entryPoints: ['electron/web/server.ts'],
    outfile: 'dist/web/server.mjs',
    format: 'esm',
    banner: esmBanner,
  }),
  esbuild.build({
    ...common,
    entryPoints: ['electron/shell/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
  }),
  esbuild.build({
    ...common,
    entryPoints: ['electron/shell/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
  }),
  // Certificate PDFs are rendered on every core by these threads (electron/core/exports/pdf-pool.ts);
  // CommonJS so Electron's main process can start it as well as plain Node.
  esbuild.build({
    ...common,
    entryPoints: ['electron/core/exports/pdf-worker.ts'],
    outfile: 'dist/workers/certificate-pdf.cjs',
    format: 'cjs',
  }),
  // A register build writes its JSON, Open Referral UK and web page on this thread
  // (electron/core/register/writer-thread.ts).
  esbuild.build({
    ...common,
    entryPoints: ['electron/core/register/writer-worker.ts'],
    outfile: 'dist/workers/register-writers.cjs',
    format: 'cjs',
  }),
  // The worker bundles better-sqlite3's JavaScript too; its native part comes from .native/electron.
  esbuild.build({
    ...common,
    external: ['electron'],
    entryPoints: ['electron/core/host/worker-entry.ts'],
    outfile: 'dist/electron/core-worker.cjs',
    format: 'cjs',
  }),
]);
