import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { REPO_ROOT, percentile, type Bench, type BenchContext } from './common';
import { CHROMIUM_LAUNCH } from '../chromium.mjs';

const RUNS = 5;

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The main chunk index.html loads (the one every screen needs before anything shows). */
function mainChunk(): string {
  const html = readFileSync(join(REPO_ROOT, 'dist', 'renderer', 'index.html'), 'utf8');
  const src = /<script type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('no module script in dist/renderer/index.html');
  return join(REPO_ROOT, 'dist', 'renderer', src);
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['dist/web/server.mjs', '--data-dir', dataDir, '--port', '0'],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** Milliseconds from navigation to a dashboard a person can use: figures and rows shown. */
async function timeToDashboard(
  dataDir: string,
  expectRows: boolean,
): Promise<{ ms: number[]; rows: number }> {
  const { child, url } = await startServer(dataDir);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS + 1; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const started = performance.now();
      await page.goto(url);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.locator('.card-figure').first().waitFor();
      if (expectRows) await page.locator('tbody tr[data-index] a').first().waitFor();
      else await page.getByText('No assessments yet').waitFor();
      const ms = performance.now() - started;
      // The first load warms the server's caches and the browser; it is not counted.
      if (run > 0) times.push(ms);
      // The most rows any one table has in the page: a long list not virtualised shows here.
      const perTable = await page
        .locator('table')
        .evaluateAll((tables) => tables.map((t) => t.querySelectorAll('tbody tr').length));
      rows = Math.max(0, ...perTable);
      await page.close();
    }
    return { ms: times, rows };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

/**
 * The renderer: the gzip size of its main bundle beside React's own (react and react-dom, which
 * every React app ships), and the time Chromium takes to show a usable dashboard over 10,000
 * providers beside the same dashboard over an empty data folder.
 */
export const rendererBench: Bench = {
  name: 'renderer',
  summary: 'main bundle gzip size; time to a usable dashboard in Chromium with 10,000 providers',
  async run(ctx: BenchContext) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
    const main = mainChunk();
    const size = gzipped(main);
    const reactDir = join(REPO_ROOT, 'node_modules');
    const react =
      gzipped(join(reactDir, 'react', 'cjs', 'react.production.js')) +
      gzipped(join(reactDir, 'react-dom', 'cjs', 'react-dom-client.production.js'));
    ctx.log(`  ${main.slice(REPO_ROOT.length)}: ${(size / 1024).toFixed(1)} KiB gzip`);

    const big = await timeToDashboard(await ctx.dataDir(10_000), true);
    const empty = await timeToDashboard(join(ctx.scratch, 'empty-data'), false);
    const p50 = percentile(big.ms, 50);
    const emptyP50 = percentile(empty.ms, 50);
    ctx.log(
      `  10,000 providers: ${big.ms.map((ms) => ms.toFixed(0)).join(', ')} ms; at most ${big.rows} rows of a table in the page`,
    );
    ctx.log(`  empty data folder: ${empty.ms.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    return [
      {
        name: 'renderer main bundle (gzip)',
        value: size / 1024,
        unit: 'KiB',
        baseline: { label: 'react + react-dom production builds (gzip)', value: react / 1024 },
        ratio: size / react,
        ratioMeaning: 'times React’s own size',
        target: null,
        met: null,
      },
      {
        name: 'time to a usable dashboard, 10,000 providers (median)',
        value: p50,
        unit: 'ms',
        baseline: { label: 'the same dashboard over an empty data folder', value: emptyP50 },
        ratio: p50 / emptyP50,
        ratioMeaning: 'times the empty dashboard’s time',
        target: `long lists virtualised (at most ${big.rows} rows of any table in the page)`,
        met: big.rows <= 100,
      },
    ];
  },
};
