import { spawnSync } from 'node:child_process';
import { CLI_BUNDLE, REPO_ROOT } from './paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stderr split into its non-empty lines. */
  errorLines: string[];
}

export interface SpawnOptions {
  /** Run as this user and group (root only), e.g. to meet file permissions root ignores. */
  uid?: number;
  gid?: number;
  timeout?: number;
  /** Run in this folder (the project root otherwise), e.g. to name files relative to it. */
  cwd?: string;
}

/**
 * Runs the real `spqa` process (the bundle test/integration/global-setup.ts builds) with
 * `--data-dir` set, and returns its exit code and output.
 */
export function spqa(
  dataDir: string | null,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  options: SpawnOptions = {},
): CliRun {
  const { SPQA_DATA_DIR: _ignored, ...inherited } = process.env;
  const result = spawnSync(
    process.execPath,
    [CLI_BUNDLE, ...(dataDir === null ? [] : ['--data-dir', dataDir]), ...args],
    {
      cwd: options.cwd ?? REPO_ROOT,
      encoding: 'utf8',
      env: { ...inherited, SPQA_ACTOR: 'tester', ...env },
      timeout: options.timeout ?? 20_000,
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    },
  );
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    errorLines: result.stderr.split('\n').filter((line) => line.trim() !== ''),
  };
}

/** Runs a command that must succeed with --json and returns its parsed output. */
export function spqaJson<T = unknown>(dataDir: string, args: readonly string[]): T {
  const run = spqa(dataDir, ['--json', ...args]);
  if (run.status !== 0) {
    throw new Error(`spqa ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as T;
}
