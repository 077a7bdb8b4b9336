import type { Database } from 'better-sqlite3';
import type { CoreMethod, MethodOutput, ParsedInput } from '../../shared/contract';
import type { Progress } from '../../shared/result';
import { appendAudit, type AuditEntry } from './audit/trail';
import { isoNow, type Clock } from './clock';

/** What every handler gets: the open database, the time, who is acting and where data lives. */
export interface CoreContext {
  db: Database;
  clock: Clock;
  actor: string;
  dataDir: string;
  resourcesDir: string;
  /** The bundled worker scripts (dist/workers); null renders PDFs on the core's own thread. */
  workersDir: string | null;
  progress: (progress: Progress) => void;
  /** Files streamed in by browser mode, stored and waiting for `evidence.add` to describe them. */
  uploads: Map<string, StagedUpload>;
}

/** Who made a change and when, as the rows it writes record them. */
export interface Stamp {
  actor: string;
  now: string;
}

export interface StagedUpload {
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
}

export type Handler<M extends CoreMethod> = (
  input: ParsedInput<M>,
  ctx: CoreContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** Every method the core answers; the host's own methods (`hostContract`) have no handler here. */
export type HandlerTable = { [M in CoreMethod]: Handler<M> };

/** The handlers of one domain, checked against that domain's part of the contract. */
export type HandlersFor<T> = { [M in keyof T & CoreMethod]: Handler<M> };

/**
 * Runs a change in one immediate transaction and records it in the audit trail in the same
 * transaction, so a change is never saved without its record, nor the record without it.
 */
export function change<T>(
  ctx: CoreContext,
  fn: (now: string, audit: (entry: Omit<AuditEntry, 'actor'>) => void) => T,
): T {
  const run = ctx.db.transaction(() => {
    const now = isoNow(ctx.clock);
    return fn(now, (entry) => appendAudit(ctx.db, now, { ...entry, actor: ctx.actor }));
  });
  return run.immediate();
}
