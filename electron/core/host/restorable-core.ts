import { resolve } from 'node:path';
import type { MethodOutput, ParsedInput } from '../../../shared/contract';
import { hostContract, isHostMethod, type HostMethod } from '../../../shared/contract/host';
import type { RestoreResult } from '../../../shared/contract/backup';
import type { Progress, Result } from '../../../shared/result';
import type { RestoredFrom } from '../backup/restore-audit';
import { AppError, errorShape, fromZod, messageOf, refused } from '../errors';

// Nothing here may load better-sqlite3: the Electron main process runs this module, and its bundle
// carries no database driver (the core and the restore itself run in worker threads there).

type OnProgress = (p: Progress) => void;

/** One open core as a host holds it: the client of a worker thread, or the core in this thread. */
export interface CoreConnection {
  invoke(method: string, input: unknown, onProgress?: OnProgress): Promise<Result<unknown>>;
  close(): void | Promise<void>;
}

/** What a host asks of the core it opens. */
export interface OpenRequest {
  /** The data was just restored from this backup: the core records that in its audit trail. */
  restored?: RestoredFrom | undefined;
}

export interface RestoreRun {
  archive: string;
  now: Date;
  progress: OnProgress;
  /** Called after the archive passed its checks, before the data folder is touched. */
  beforeSwap: () => Promise<void>;
}

/** Runs `restoreBackup` (electron/core/backup/restore.ts) on the host's data folder. */
export type RunRestore = (run: RestoreRun) => Promise<RestoreResult>;

export interface RestorableCoreOptions<C extends CoreConnection> {
  /** Opens the core on the data folder; called at the start and again after every restore. */
  open: (request: OpenRequest) => Promise<C>;
  restore: RunRestore;
  now?: () => Date;
}

/**
 * The core as a host serves it: the same `invoke` as the core, plus the methods of the contract
 * that only a host can answer (`hostContract`), which need the core closed for a moment.
 */
export interface RestorableCore<C extends CoreConnection> {
  invoke(method: string, input: unknown, onProgress?: OnProgress): Promise<Result<unknown>>;
  /**
   * Runs work that needs the open core beyond one call (browser mode's uploads and downloads)
   * as one call: a restore waits for it to finish, and it waits for a restore.
   */
  use<T>(work: (core: C) => Promise<T>): Promise<T>;
  /** Waits for a restore and the calls in flight, then closes the core. */
  close(): Promise<void>;
}

type HostHandlers = {
  [M in HostMethod]: (input: ParsedInput<M>, progress: OnProgress) => Promise<MethodOutput<M>>;
};

/** The steps after the archive's own checks, which report bytes; these report steps of four. */
const step = (progress: OnProgress, phase: string, done: number) =>
  progress({ phase, done, total: 4 });

/**
 * Opens the core through `open` and serves calls to it, restoring a backup when asked. A restore
 * checks the archive while the app goes on working; then it holds new calls, waits for those in
 * flight, closes the core, swaps the data folder and opens the core again, on the restored data
 * or, if the swap was refused or failed, on the data it had, unchanged. Held calls then go on.
 */
export async function openRestorableCore<C extends CoreConnection>(
  options: RestorableCoreOptions<C>,
): Promise<RestorableCore<C>> {
  const now = options.now ?? (() => new Date());
  let core: C | null = await options.open({});
  /** While set, new calls wait for it: the core is being closed, swapped or opened. */
  let gate: Promise<void> | null = null;
  let inFlight = 0;
  const idleWaiters: (() => void)[] = [];
  let restoring: Promise<unknown> | null = null;
  let closing = false;

  /** Takes the gate once whoever holds it has let go; returns how to let go of it. */
  async function hold(): Promise<() => void> {
    while (gate) await gate;
    let release = () => undefined as void;
    const mine = new Promise<void>((done) => (release = done));
    gate = mine;
    return () => {
      if (gate === mine) gate = null;
      release();
    };
  }

  function settled(): Promise<void> {
    if (inFlight === 0) return Promise.resolve();
    return new Promise((done) => idleWaiters.push(done));
  }

  async function reopen(request: OpenRequest): Promise<void> {
    core = null;
    core = await options.open(request);
  }

  async function use<T>(work: (core: C) => Promise<T>): Promise<T> {
    let current: C | null = null;
    while (!current) {
      if (closing) throw refused('SPQA is closing');
      if (gate) {
        await gate;
      } else if (core) {
        current = core;
      } else {
        // Opening failed after a restore; try again, one caller at a time.
        const release = await hold();
        try {
          if (!core) await reopen({});
        } catch (error) {
          throw new AppError('internal', `SPQA cannot open its records: ${messageOf(error)}`);
        } finally {
          release();
        }
      }
    }
    inFlight += 1;
    try {
      return await work(current);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const done of idleWaiters.splice(0)) done();
    }
  }

  async function restore(path: string, progress: OnProgress): Promise<RestoreResult> {
    if (restoring) throw refused('a backup is already being restored; wait for it to finish');
    if (closing) throw refused('SPQA is closing');
    const held: { release: (() => void) | null } = { release: null };
    const run = (async () => {
      let result: RestoreResult;
      try {
        result = await options.restore({
          archive: resolve(path),
          now: now(),
          progress,
          beforeSwap: async () => {
            held.release = await hold();
            step(progress, 'waiting for work in progress to finish', 0);
            await settled();
            step(progress, 'closing the records', 1);
            const open = core;
            core = null;
            await open?.close();
            step(progress, 'replacing the records', 2);
          },
        });
      } catch (error) {
        if (held.release && !core) {
          // Refused or failed at the swap, which undoes itself: the records are as they were.
          try {
            await reopen({});
          } catch (reopenError) {
            throw new AppError(
              'internal',
              `${messageOf(error)}; and SPQA cannot open its records again: ${messageOf(reopenError)}`,
            );
          }
        }
        throw error;
      }
      step(progress, 'opening the restored records', 3);
      try {
        await reopen({
          restored: {
            archive: result.archive,
            createdAt: result.createdAt,
            appVersion: result.appVersion,
            schemaVersion: result.schemaVersion,
            setAside: result.setAside,
          },
        });
      } catch (error) {
        const aside = result.setAside ? `; the data it replaced is in ${result.setAside}` : '';
        throw new AppError(
          'internal',
          `the backup was restored, but SPQA cannot open it: ${messageOf(error)}${aside}`,
        );
      }
      step(progress, 'opening the restored records', 4);
      return result;
    })();
    restoring = run;
    try {
      return await run;
    } finally {
      held.release?.();
      restoring = null;
    }
  }

  const hostHandlers: HostHandlers = {
    'backup.restore': (input, progress) => restore(input.path, progress),
  };

  return {
    async invoke(method, input, onProgress) {
      try {
        if (isHostMethod(method)) {
          const spec = hostContract[method];
          const parsed = spec.input.safeParse(input);
          if (!parsed.success) return { ok: false, error: fromZod(parsed.error).toShape() };
          const handler = hostHandlers[method] as (
            input: unknown,
            progress: OnProgress,
          ) => Promise<unknown>;
          const value = await handler(parsed.data, onProgress ?? (() => undefined));
          return { ok: true, value: spec.output.parse(value) };
        }
        return await use((c) => c.invoke(method, input, onProgress));
      } catch (error) {
        return { ok: false, error: errorShape(error) };
      }
    },
    use,
    async close() {
      closing = true;
      await restoring?.catch(() => undefined);
      await settled();
      const open = core;
      core = null;
      await open?.close();
    },
  };
}
