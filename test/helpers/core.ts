import { afterAll, expect } from 'vitest';
import { openCore, type Core } from '../../electron/core/app';
import type { Clock } from '../../electron/core/clock';
import type { AppErrorShape, ErrorCode, Result } from '../../shared/result';
import { RESOURCES_DIR } from './paths';
import { tempDir } from './temp-dir';

const opened: Core[] = [];

export interface TestCoreOptions {
  dataDir?: string;
  clock?: Clock;
  /** The bundled worker scripts (WORKERS_DIR), for PDF batches spread over threads. */
  workersDir?: string;
}

/** The real core on a real SQLite file in a fresh temp folder (or the folder given). */
export async function openTestCore(options: TestCoreOptions = {}): Promise<Core> {
  const core = await openCore({
    dataDir: options.dataDir ?? tempDir(),
    resourcesDir: RESOURCES_DIR,
    validateOutput: true,
    actor: 'tester',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.workersDir ? { workersDir: options.workersDir } : {}),
  });
  opened.push(core);
  return core;
}

afterAll(() => {
  for (const core of opened.splice(0)) if (core.context.db.open) core.close();
});

/** The value of a successful result; a failure fails the test with the core's own message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  }
  return result.value;
}

/** The error of a failed result, checked to carry the expected code. */
export function failure<T>(result: Result<T>, code: ErrorCode): AppErrorShape {
  if (result.ok) throw new Error(`expected ${code}, got success: ${JSON.stringify(result.value)}`);
  expect(result.error.code, result.error.message).toBe(code);
  return result.error;
}

/** A clock the test moves by hand, for dates such as capacity confirmation. */
export interface ManualClock extends Clock {
  set(iso: string): void;
}

export function manualClock(startIso: string): ManualClock {
  let at = Date.parse(startIso);
  return {
    now: () => new Date(at),
    set(iso) {
      at = Date.parse(iso);
    },
  };
}
