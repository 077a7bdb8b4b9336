import { parseArgs } from 'node:util';
import type { CoreMethod } from '../../shared/contract';
import type { Progress } from '../../shared/result';
import { openCore, type Core } from '../core/app';
import { defaultDataDir } from '../core/data-dir';
import { AppError } from '../core/errors';
import { APP_VERSION } from '../core/version';
import { CliFailure, type Command, type CommandContext } from './command';
import { EXIT, exitCodeFor } from './exit-codes';
import { RESOURCES_DIR, WORKERS_DIR } from '../core/install-paths';
import { COMMANDS } from './registry';
import { messageOf } from '../../shared/error-message';

export interface RunIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const GLOBAL_HELP = `Global options:
  --data-dir DIR   where records live (env SPQA_DATA_DIR; default: the desktop app's data folder)
  --json           machine-readable output on stdout
  --help           help for any command
  --version        print the version

Exit codes: 0 success; 1 unexpected failure; 2 invalid input or usage (nothing changed); 3 a check failed.`;

function helpText(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  return [
    'spqa: quality assurance and accreditation for social prescribing',
    '',
    'Usage: spqa [--data-dir DIR] [--json] COMMAND ...',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    GLOBAL_HELP,
  ].join('\n');
}

function findCommand(words: string[]): { command: Command; rest: string[] } | null {
  let best: Command | null = null;
  for (const command of COMMANDS) {
    if (
      command.path.every((w, i) => words[i] === w) &&
      (!best || command.path.length > best.path.length)
    )
      best = command;
  }
  return best ? { command: best, rest: words.slice(best.path.length) } : null;
}

/** Runs the CLI and returns its exit code; all output goes through `io`. */
export async function runCli(argv: string[], io: RunIo): Promise<number> {
  let core: Core | null = null;
  try {
    // Global options may come anywhere; take them out before the command parses the rest.
    const words: string[] = [];
    let dataDir = io.env.SPQA_DATA_DIR || undefined;
    let json = false;
    // Where each --json stood among the words: a command may take `--json FILE` as its own option.
    const jsonAt: number[] = [];
    let help = false;
    for (let i = 0; i < argv.length; i += 1) {
      const arg = argv[i] ?? '';
      // After "--" everything is an argument (a file named "--json" or "-rf"), never an option.
      if (arg === '--') {
        words.push(...argv.slice(i));
        break;
      }
      if (arg === '--json') jsonAt.push(words.length);
      else if (arg === '--help' || arg === '-h') help = true;
      else if (arg === '--version') {
        io.stdout(APP_VERSION);
        return EXIT.ok;
      } else if (arg === '--data-dir') {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--'))
          throw new CliFailure('--data-dir needs a folder');
        dataDir = next;
        i += 1;
      } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
      else words.push(arg);
    }

    const found = findCommand(words.filter((w) => !w.startsWith('-')).length > 0 ? words : []);
    if (!found) {
      const prefix = words.filter((w) => !w.startsWith('-'));
      const family = COMMANDS.filter((c) => c.path[0] === prefix[0]);
      if (help || words.length === 0) {
        io.stdout(helpText(family.length > 0 ? family : COMMANDS));
        return EXIT.ok;
      }
      throw new CliFailure(
        family.length > 0
          ? `unknown command "${prefix.join(' ')}"; try: ${family.map((c) => c.path.join(' ')).join(', ')}`
          : `unknown command "${prefix[0] ?? ''}"; run spqa --help`,
      );
    }
    const { command } = found;
    const rest = [...found.rest];
    // `certificate export N --json FILE` names a file; a --json before the command is still global.
    const options = command.options ?? {};
    const ownJson = options.json?.type === 'string';
    for (const at of [...jsonAt].reverse()) {
      if (ownJson && at >= command.path.length) rest.splice(at - command.path.length, 0, '--json');
      else json = true;
    }
    if (help) {
      io.stdout(`Usage: spqa ${command.usage}\n\n${command.summary}\n\n${GLOBAL_HELP}`);
      return EXIT.ok;
    }

    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: rest,
        options,
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new CliFailure(`${messageOf(error).split('\n')[0]} (usage: spqa ${command.usage})`);
    }
    const { positionals } = parsed;
    const allowed = command.positionals ?? { min: 0, max: 0 };
    if (positionals.length < allowed.min || positionals.length > allowed.max) {
      throw new CliFailure(`usage: spqa ${command.usage}`);
    }

    const resolvedDataDir = dataDir ?? defaultDataDir(io.env);
    // Work that finishes within a second needs no progress; longer work gets a line on stderr
    // at most four times a second, and always its last step, so a log shows it completed.
    const started = Date.now();
    let lastProgress = 0;
    let shown = false;
    const onProgress = (p: Progress) => {
      const now = Date.now();
      const finished = p.done >= p.total;
      if (now - started < 1000 && !(shown && finished)) return;
      if (now - lastProgress < 250 && !finished) return;
      lastProgress = now;
      shown = true;
      const percent = p.total > 0 ? ` (${Math.floor((100 * p.done) / p.total)}%)` : '';
      io.stderr(`${p.phase}: ${p.done} of ${p.total}${percent}`);
    };
    const ctx: CommandContext = {
      env: io.env,
      dataDir: resolvedDataDir,
      progress: onProgress,
      json,
      stdout: io.stdout,
      stderr: io.stderr,
      core: async () => {
        core ??= await openCore({
          dataDir: resolvedDataDir,
          resourcesDir: RESOURCES_DIR,
          workersDir: WORKERS_DIR,
          actor: io.env.SPQA_ACTOR,
        });
        return core;
      },
      call: async (method: CoreMethod, input: unknown) => {
        const result = await (await ctx.core()).invokeUnknown(method, input, { onProgress });
        if (!result.ok)
          throw new AppError(result.error.code, result.error.message, result.error.details);
        return result.value as never;
      },
      print: (value, human) => io.stdout(json ? JSON.stringify(value, null, 2) : human()),
    };
    const code = await command.run(ctx, { values: parsed.values, positionals });
    return code ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr(`spqa: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof AppError) {
      io.stderr(`spqa: ${error.message}`);
      const problems = (
        error.details as
          | { problems?: { line?: number; column?: string; path?: string; message: string }[] }
          | undefined
      )?.problems;
      if (problems && problems.length > 1) {
        for (const problem of problems.slice(0, 50)) {
          const where =
            problem.line !== undefined
              ? `line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}`
              : problem.path;
          io.stderr(`  ${where ? `${where}: ` : ''}${problem.message}`);
        }
        if (problems.length > 50) io.stderr(`  … and ${problems.length - 50} more`);
      }
      return exitCodeFor(error.code);
    }
    io.stderr(`spqa: unexpected failure: ${(error as Error).stack ?? String(error)}`);
    return EXIT.unexpected;
  } finally {
    (core as Core | null)?.close();
  }
}
