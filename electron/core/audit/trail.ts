import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../shared/signing/canonical-json';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  detail?: unknown;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

export function entryHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    detail: JSON.parse(row.detail) as unknown,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends one entry, chained to the one before by hash. Call it inside the transaction
 * that makes the change, so the change and its record commit or roll back together.
 */
export function appendAudit(db: Database, at: string, entry: AuditEntry): void {
  if (!db.inTransaction)
    throw new Error('audit entries are written inside the change’s transaction');
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at,
    actor: entry.actor,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS;
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @detail, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) });
}

export function listAudit(db: Database, options: { entityId?: string | undefined; limit: number }) {
  const rows = (
    options.entityId
      ? db
          .prepare('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT ?')
          .all(options.entityId, options.limit)
      : db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(options.limit)
  ) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: JSON.parse(r.detail) as unknown,
    hash: r.hash,
  }));
}

/** Re-walks the chain; any edited, removed or reordered entry breaks it from that point on. */
export function verifyAudit(db: Database): {
  entries: number;
  ok: boolean;
  firstBadSeq: number | null;
} {
  let prev = GENESIS;
  let entries = 0;
  let expectedSeq = 1;
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY seq')
    .iterate() as Iterable<AuditRow>) {
    entries += 1;
    if (row.seq !== expectedSeq || row.prev_hash !== prev || entryHash(prev, row) !== row.hash) {
      return { entries, ok: false, firstBadSeq: row.seq };
    }
    prev = row.hash;
    expectedSeq += 1;
  }
  return { entries, ok: true, firstBadSeq: null };
}
