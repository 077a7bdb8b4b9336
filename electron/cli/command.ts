import type { ParseArgsConfig } from 'node:util';
import type { CoreMethod, MethodOutput } from '../../shared/contract';
import type { Progress } from '../../shared/result';
import type { Core } from '../core/app';
import { EXIT } from './exit-codes';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  json: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CommandContext extends CliIo {
  env: NodeJS.ProcessEnv;
  /** The data folder in use (from --data-dir, SPQA_DATA_DIR or the default). */
  dataDir: string;
  /** Shows progress of long work as a line on stderr (for work done outside the core). */
  progress(p: Progress): void;
  /** Opens the core on first use, so commands that need no database never create one. */
  core(): Promise<Core>;
  /** Calls the core; a refusal is thrown as the core's AppError, whose code sets the exit code. */
  call<M extends CoreMethod>(method: M, input: unknown): Promise<MethodOutput<M>>;
  /** Prints a value: as JSON under --json, otherwise through the human formatter. */
  print(value: unknown, human: () => string): void;
}

export interface ParsedCommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  /** Words that name it, e.g. ['provider', 'add']. */
  path: string[];
  summary: string;
  usage: string;
  /** Its options, if it has any. */
  options?: OptionSpec;
  /** How many arguments it takes besides its options; none when left out. */
  positionals?: { min: number; max: number };
  run(ctx: CommandContext, args: ParsedCommandArgs): Promise<number | void>;
}

/** Options that each take a value: `stringOptions('name', 'role')` for --name N --role R. */
export function stringOptions(...names: string[]): OptionSpec {
  return Object.fromEntries(names.map((name) => [name, { type: 'string' }]));
}

/** Options that are on when given: `booleanOptions('dry-run')` for --dry-run. */
export function booleanOptions(...names: string[]): OptionSpec {
  return Object.fromEntries(names.map((name) => [name, { type: 'boolean' }]));
}

/**
 * Raised by the CLI itself (not the core) for a problem with what it was given; becomes one line
 * on stderr and the exit code, by default that of invalid input or usage.
 */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(message);
  }
}

export function str(args: ParsedCommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function strs(args: ParsedCommandArgs, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function flag(args: ParsedCommandArgs, name: string): boolean {
  return args.values[name] === true;
}

export function required(args: ParsedCommandArgs, name: string): string {
  const value = str(args, name);
  if (value === undefined || value === '') throw new CliFailure(`--${name} is required`);
  return value;
}

export function integerOption(args: ParsedCommandArgs, name: string): number | null {
  const value = str(args, name);
  if (value === undefined) return null;
  if (!/^\d+$/.test(value))
    throw new CliFailure(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

/** A size as the CLI prints it: "12.4 MB" (counted in 1024s, as file managers do). */
export const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function pad(cells: string[][]): string {
  const widths: number[] = [];
  for (const row of cells) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return cells
    .map((row) =>
      row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  '),
    )
    .join('\n');
}
