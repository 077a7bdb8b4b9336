import { fileURLToPath } from 'node:url';
import type { Progress, Result } from '../../shared/result';
import { openCore, type Core } from '../../electron/core/app';
// Resources and worker scripts are found as the CLI finds them.
import { RESOURCES_DIR, WORKERS_DIR } from '../../electron/core/install-paths';

export { RESOURCES_DIR };
/** This file is bundled to dist/bench/, two folders below the root as its source is. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Signs the generated certificates; bench data is throwaway, so a fixed passphrase is fine. */
export const BENCH_PASSPHRASE = 'bench-data-passphrase';

/**
 * Opens the core on a data folder as the CLI does; with `workers`, PDFs and register files are
 * written on worker threads as the app writes them.
 */
export function openBenchCore(dataDir: string, { workers = false } = {}): Promise<Core> {
  return openCore({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    ...(workers ? { workersDir: WORKERS_DIR } : {}),
    actor: 'bench',
  });
}

/** A core call's value; its failure is thrown, so a bench stops at the first thing that fails. */
export function must<T>(result: Result<T>, what?: string): T {
  if (!result.ok) throw new Error(what ? `${what}: ${result.error.message}` : result.error.message);
  return result.value;
}

/** Progress on one line of stderr, rewritten in place. */
export function progressLine(progress: Progress): void {
  process.stderr.write(`\r${progress.phase}: ${progress.done} of ${progress.total}`);
}

/** One measured figure, with the baseline measured in the same run and their ratio. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured on this machine in this run. */
  baseline: { label: string; value: number } | null;
  /** How the figure compares: > 1 means better than the baseline, as said in `ratioMeaning`. */
  ratio: number | null;
  ratioMeaning: string;
  target: string | null;
  /** Whether the target is met, when there is one. */
  met: boolean | null;
}

export interface BenchContext {
  /** Data folders made by the generator, by provider count (made on first use). */
  dataDir(providers: number): Promise<string>;
  scratch: string;
  log: (line: string) => void;
}

export interface Bench {
  name: string;
  summary: string;
  run(ctx: BenchContext): Promise<BenchFigure[]>;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? Number.NaN;
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export function describeFigure(figure: BenchFigure): string {
  const round = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3));
  const parts = [`${figure.name}: ${round(figure.value)} ${figure.unit}`];
  if (figure.target) parts.push(`target ${figure.target} (${figure.met ? 'met' : 'NOT met'})`);
  if (figure.baseline)
    parts.push(`baseline ${figure.baseline.label}: ${round(figure.baseline.value)} ${figure.unit}`);
  if (figure.ratio !== null)
    parts.push(`ratio ${figure.ratio.toFixed(2)} (${figure.ratioMeaning})`);
  return parts.join('; ');
}
