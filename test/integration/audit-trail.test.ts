import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { unwrap } from '../helpers/core';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { entryHash, type AuditRow } from '../../electron/core/audit/trail';

/** A core with a few changes of each kind in its trail. */
async function busyCore(): Promise<Core> {
  const { core, provider, assessment } = await coreWithSelfAssessment();
  unwrap(
    await core.invoke('providers.update', {
      id: provider.id,
      fields: { name: 'Renamed Group', type: 'activity' },
    }),
  );
  unwrap(
    await core.invoke('assessments.rate', {
      id: assessment.id,
      criterion: nationalCode({ appliesTo: 'activity' }),
      rating: 'partial',
    }),
  );
  unwrap(await core.invoke('providers.archive', { id: provider.id, archived: true }));
  return core;
}

const rows = (core: Core) =>
  core.context.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];

/** What an attacker who knows the scheme would write to hide an edit: the chain's own hash. */
const rehash = entryHash;

describe('the audit trail', () => {
  it('chains every entry to the one before, and verifies', async () => {
    const core = await busyCore();
    const all = rows(core);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all[0]?.prev_hash).toBe('0'.repeat(64));
    all.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(all[i]?.hash));
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
    expect(unwrap(await core.invoke('audit.verify', {}))).toEqual({
      entries: all.length,
      ok: true,
      firstBadSeq: null,
    });
  });

  it('refuses edits and deletions through its triggers', async () => {
    const core = await busyCore();
    const db = core.context.db;
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").run()).toThrow(
      'the audit trail is append-only',
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(
      'the audit trail is append-only',
    );
  });

  it('detects an entry edited behind the triggers’ back', async () => {
    const core = await busyCore();
    const db = core.context.db;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET detail = '{"forged":true}' WHERE seq = 3`).run();
    expect(unwrap(await core.invoke('audit.verify', {}))).toMatchObject({
      ok: false,
      firstBadSeq: 3,
    });
  });

  it('detects an edit even when the edited entry’s own hash is recomputed', async () => {
    const core = await busyCore();
    const db = core.context.db;
    db.exec('DROP TRIGGER audit_log_no_update');
    const target = rows(core)[2] as AuditRow;
    const forged = { ...target, actor: 'mallory' };
    db.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = ?').run(
      forged.actor,
      rehash(target.prev_hash, forged),
      target.seq,
    );
    expect(unwrap(await core.invoke('audit.verify', {}))).toMatchObject({
      ok: false,
      firstBadSeq: target.seq + 1,
    });
  });

  it('detects a deleted entry', async () => {
    const core = await busyCore();
    const db = core.context.db;
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(unwrap(await core.invoke('audit.verify', {}))).toMatchObject({
      ok: false,
      firstBadSeq: 3,
    });
  });
});
