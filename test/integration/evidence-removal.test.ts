import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { failure, manualClock, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { sha256Hex, storedPath, storeListing } from '../helpers/evidence';
import { coreWithSelfAssessment, startSelfAssessment } from '../helpers/fixtures';
import { nationalCode } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const criterion = nationalCode({ appliesTo: 'activity', level: 'essential' });
const CASE_NOTES = 'Case notes: J.S., referred by GP, 3 sessions attended';

async function setUp() {
  const dataDir = tempDir();
  const clock = manualClock('2025-03-10T11:00:00.000Z');
  const { core, provider, assessment } = await coreWithSelfAssessment(
    { dataDir, clock },
    'Canal Walkers',
  );
  const sources = tempDir('spqa-sources-');
  let n = 0;
  const add = async (
    content: string,
    metadata: Record<string, unknown> = {},
    assessmentId = assessment.id,
  ) => {
    n += 1;
    const [record] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId,
        criteria: [criterion],
        sources: [{ kind: 'path', path: writeTempFile(sources, `file-${n}.txt`, content) }],
        metadata,
      }),
    );
    if (!record) throw new Error('no record');
    return record;
  };
  return { dataDir, clock, core, provider, assessment, add };
}

function snapshot(core: Core, dataDir: string) {
  return { db: dumpDatabase(core.context.db), store: storeListing(dataDir) };
}

describe('removing evidence', () => {
  it('deletes the file and leaves a tombstone saying what, when, by whom and why', async () => {
    const { dataDir, clock, core, assessment, add } = await setUp();
    const record = await add(CASE_NOTES, { personalData: true, title: 'Case notes' });
    const path = storedPath(dataDir, sha256Hex(CASE_NOTES));
    expect(existsSync(path)).toBe(true);
    clock.set('2025-04-02T15:45:00.000Z');

    const result = unwrap(
      await core.invoke('evidence.remove', { id: record.id, reason: 'Personal data not needed' }),
    );
    expect(result).toEqual({
      record: {
        ...record,
        removedAt: '2025-04-02T15:45:00.000Z',
        removedBy: 'tester',
        removalReason: 'Personal data not needed',
      },
      fileDeleted: true,
      sharedWith: [],
    });
    expect(existsSync(path)).toBe(false);
    // The tombstone still says what was removed.
    expect(result.record).toMatchObject({
      title: 'Case notes',
      originalName: 'file-1.txt',
      sha256: sha256Hex(CASE_NOTES),
      size: CASE_NOTES.length,
    });
    expect(
      core.context.db
        .prepare('SELECT deleted_at FROM evidence_blobs WHERE sha256 = ?')
        .pluck()
        .get(sha256Hex(CASE_NOTES)),
    ).toBe('2025-04-02T15:45:00.000Z');
    expect(unwrap(await core.invoke('evidence.list', { assessmentId: assessment.id }))).toEqual([]);
    expect(
      unwrap(
        await core.invoke('evidence.list', { assessmentId: assessment.id, includeRemoved: true }),
      ),
    ).toEqual([result.record]);
    const audit = unwrap(await core.invoke('audit.list', { entityId: record.id, limit: 10 }));
    expect(audit.map((e) => e.action).sort()).toEqual(['evidence.added', 'evidence.removed']);
    expect(audit.find((e) => e.action === 'evidence.removed')?.detail).toMatchObject({
      reason: 'Personal data not needed',
      fileDeleted: true,
    });
    expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      orphans: 0,
      checked: 0,
    });
  });

  it('keeps a file another live record uses, naming it, and deletes it with the last one', async () => {
    const { dataDir, core, add } = await setUp();
    const other = await startSelfAssessment(core, 'activity', 'Second Group');
    const first = await add(CASE_NOTES);
    const second = await add(CASE_NOTES);
    const elsewhere = await add(CASE_NOTES, {}, other.assessment.id);
    const path = storedPath(dataDir, sha256Hex(CASE_NOTES));

    const one = unwrap(await core.invoke('evidence.remove', { id: first.id, reason: 'Duplicate' }));
    expect(one.fileDeleted).toBe(false);
    expect(one.sharedWith.sort()).toEqual([second.id, elsewhere.id].sort());
    expect(existsSync(path)).toBe(true);
    const two = unwrap(
      await core.invoke('evidence.remove', { id: second.id, reason: 'Duplicate' }),
    );
    expect(two).toMatchObject({ fileDeleted: false, sharedWith: [elsewhere.id] });
    expect(existsSync(path)).toBe(true);
    expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      checked: 1,
    });

    const last = unwrap(
      await core.invoke('evidence.remove', { id: elsewhere.id, reason: 'Retention ended' }),
    );
    expect(last).toMatchObject({ fileDeleted: true, sharedWith: [] });
    expect(existsSync(path)).toBe(false);
    expect(unwrap(await core.invoke('evidence.verify', {}))).toMatchObject({
      ok: true,
      checked: 0,
      orphans: 0,
    });
  });

  it('removes a link, which has no file', async () => {
    const { core, assessment } = await setUp();
    const [link] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [criterion],
        sources: [{ kind: 'link', url: 'https://example.org/policy' }],
        metadata: {},
      }),
    );
    if (!link) throw new Error('no record');
    expect(
      unwrap(await core.invoke('evidence.remove', { id: link.id, reason: 'Page gone' })),
    ).toMatchObject({
      fileDeleted: false,
      sharedWith: [],
      record: { url: 'https://example.org/policy', removalReason: 'Page gone' },
    });
  });

  it('refuses without a reason, twice, or when the assessment is sealed, changing nothing', async () => {
    const { dataDir, core, assessment, add } = await setUp();
    const record = await add(CASE_NOTES);
    const gone = await add('Old rota');
    unwrap(await core.invoke('evidence.remove', { id: gone.id, reason: 'Out of date' }));

    let before = snapshot(core, dataDir);
    for (const reason of ['', '  ', 'no']) {
      const error = failure(
        await core.invoke('evidence.remove', { id: record.id, reason }),
        'invalid_input',
      );
      expect(error.message).toContain('give a reason for the removal');
    }
    failure(
      await core.invoke('evidence.remove', { id: 'evd_NOPE', reason: 'Mistake' }),
      'not_found',
    );
    const again = failure(
      await core.invoke('evidence.remove', { id: gone.id, reason: 'Again' }),
      'refused',
    );
    expect(again.message).toBe(`evidence ${gone.id} was already removed on 2025-03-10`);
    expect(snapshot(core, dataDir)).toEqual(before);

    for (const status of ['submitted', 'decided']) {
      core.context.db
        .prepare('UPDATE assessments SET status = ? WHERE id = ?')
        .run(status, assessment.id);
      before = snapshot(core, dataDir);
      const error = failure(
        await core.invoke('evidence.remove', { id: record.id, reason: 'Tidying up' }),
        'refused',
      );
      expect(error.message).toBe(
        `evidence ${record.id} belongs to assessment ${assessment.id}, which is ${status}; sealed evidence cannot be deleted`,
      );
      expect(snapshot(core, dataDir)).toEqual(before);
      expect(existsSync(storedPath(dataDir, sha256Hex(CASE_NOTES)))).toBe(true);
    }
  });

  it('refuses adding to, editing or re-attaching evidence of a sealed assessment', async () => {
    const { dataDir, core, assessment, add } = await setUp();
    const record = await add(CASE_NOTES);
    core.context.db
      .prepare("UPDATE assessments SET status = 'submitted' WHERE id = ?")
      .run(assessment.id);
    const before = snapshot(core, dataDir);
    const path = writeTempFile(tempDir('spqa-sources-'), 'late.txt', 'A late document');
    failure(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria: [criterion],
        sources: [{ kind: 'path', path }],
        metadata: {},
      }),
      'refused',
    );
    failure(
      await core.invoke('evidence.update', { id: record.id, metadata: { title: 'Renamed' } }),
      'refused',
    );
    failure(await core.invoke('evidence.attach', { id: record.id, criteria: [] }), 'refused');
    expect(snapshot(core, dataDir)).toEqual(before);
  });
});

describe('the retention view', () => {
  it('lists live evidence past its retain-until date, and secure removal takes it off', async () => {
    const { clock, core, add } = await setUp();
    const due = await add(CASE_NOTES, { personalData: true, retainUntil: '2025-06-30' });
    const dueEarlier = await add('Photo consent forms', {
      personalData: true,
      retainUntil: '2025-05-01',
    });
    await add('Insurance schedule', { retainUntil: '2030-01-01' });
    await add('Constitution');
    const removed = await add('Volunteer addresses', {
      personalData: true,
      retainUntil: '2025-04-01',
    });
    unwrap(await core.invoke('evidence.remove', { id: removed.id, reason: 'Not needed' }));

    expect(unwrap(await core.invoke('evidence.retention', {})).items).toEqual([]);
    clock.set('2025-06-30T12:00:00.000Z');
    // On the retain-until date itself it may still be kept.
    expect(unwrap(await core.invoke('evidence.retention', {})).items.map((e) => e.id)).toEqual([
      dueEarlier.id,
    ]);
    clock.set('2025-07-01T12:00:00.000Z');
    const view = unwrap(await core.invoke('evidence.retention', {}));
    expect(view.onDate).toBe('2025-07-01');
    expect(view.items).toEqual([
      { ...dueEarlier, providerName: 'Canal Walkers' },
      { ...due, providerName: 'Canal Walkers' },
    ]);

    unwrap(await core.invoke('evidence.remove', { id: due.id, reason: 'Retention period ended' }));
    expect(unwrap(await core.invoke('evidence.retention', {})).items.map((e) => e.id)).toEqual([
      dueEarlier.id,
    ]);
  });
});
