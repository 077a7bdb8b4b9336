import { spawnSync } from 'node:child_process';

/** The sqlite3 command-line shell, when installed (Debian's `sqlite3` package). */
export function sqliteShellAvailable(): boolean {
  return spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
}

/** A value written into SQL text, as the shell needs it (it has no bound parameters). */
export function sqlLiteral(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

export interface ShellOptions {
  /** Dot-commands run first, untimed (e.g. `.mode csv`, `.parameter set @after ''`). */
  preamble?: string[];
  /** Where the rows go; /dev/null unless a file is named. */
  output?: string;
}

/**
 * Runs statements in one sqlite3 shell session with `.timer on` and returns each statement's
 * wall-clock time in milliseconds, as the shell itself measures it (so process start-up is not
 * counted; writing the rows out is). `groups` are sets of statements whose times are added.
 */
export function shellTimes(
  database: string,
  groups: string[][],
  options: ShellOptions = {},
): number[] {
  const script = [
    ...(options.preamble ?? []),
    '.timer on',
    `.output ${options.output ?? '/dev/null'}`,
    ...groups.flatMap((statements) => statements.map((s) => `${s.trim().replace(/;?$/, ';')}`)),
  ].join('\n');
  const run = spawnSync('sqlite3', ['-readonly', '-bail', database], {
    input: script,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`sqlite3 failed: ${run.stderr}`);
  const times = [...`${run.stdout}\n${run.stderr}`.matchAll(/Run Time: real ([0-9.]+)/g)].map(
    (m) => Number(m[1]) * 1000,
  );
  const expected = groups.reduce((n, g) => n + g.length, 0);
  if (times.length !== expected) {
    throw new Error(`sqlite3 printed ${times.length} timings for ${expected} statements`);
  }
  const out: number[] = [];
  let at = 0;
  for (const group of groups) {
    out.push(times.slice(at, at + group.length).reduce((a, b) => a + b, 0));
    at += group.length;
  }
  return out;
}
