import { expect } from 'vitest';
import type { CliRun } from './cli';

/**
 * A refused run: exit code 2, nothing on stdout, and one stderr line starting "spqa:" that
 * holds every fragment given.
 */
export function expectRefused(run: CliRun, ...fragments: string[]): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.errorLines, run.stderr).toHaveLength(1);
  expect(run.errorLines[0]).toMatch(/^spqa: /);
  for (const fragment of fragments) expect(run.errorLines[0]).toContain(fragment);
  expect(run.stdout).toBe('');
}
