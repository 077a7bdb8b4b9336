import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/evidence/freshness';
import { manualClock, unwrap } from '../helpers/core';
import { coreWithSelfAssessment } from '../helpers/fixtures';
import { nationalCodes } from '../helpers/national';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const codes = nationalCodes({ appliesTo: 'activity' });
const code = (i: number) => {
  const c = codes[i];
  if (!c) throw new Error(`no criterion ${i}`);
  return c;
};
const [onlyExpiring, alsoLasting, beyondWindow, sharedA, sharedB, expired, future, removed] = [
  0, 1, 2, 3, 4, 5, 6, 7,
].map(code) as [string, string, string, string, string, string, string, string];

const today = '2025-03-10';
const inDays = (n: number) => addDays(today, n);

/**
 * One assessment whose criteria each show one case:
 * - onlyExpiring: one piece, expiring in 10 days (relies on it)
 * - alsoLasting: a piece expiring in 10 days and one with no expiry (does not rely on it)
 * - beyondWindow: one piece expiring in 45 days (not within 30)
 * - sharedA, sharedB: one piece for both, expiring in 20 days (both rely on it)
 * - expired: one piece that expired yesterday
 * - future: one piece in force only from next month
 * - removed: one piece expiring in 5 days, removed
 */
async function setUp() {
  const clock = manualClock(`${today}T10:00:00.000Z`);
  const { core, assessment } = await coreWithSelfAssessment({ clock }, 'Riverside Allotments');
  const sources = tempDir('spqa-sources-');
  let n = 0;
  const add = async (criteria: string[], metadata: Record<string, unknown>) => {
    n += 1;
    const path = writeTempFile(sources, `piece-${n}.txt`, `piece ${n}`);
    const [record] = unwrap(
      await core.invoke('evidence.add', {
        assessmentId: assessment.id,
        criteria,
        sources: [{ kind: 'path', path }],
        metadata: { title: `Piece ${n}`, ...metadata },
      }),
    );
    if (!record) throw new Error('no record');
    return record;
  };
  const pieces = {
    onlyExpiring: await add([onlyExpiring], { expiryDate: inDays(10) }),
    soonOfLasting: await add([alsoLasting], { expiryDate: inDays(10) }),
    lasting: await add([alsoLasting], {}),
    beyond: await add([beyondWindow], { expiryDate: inDays(45) }),
    shared: await add([sharedA, sharedB], { expiryDate: inDays(20) }),
    expired: await add([expired], { expiryDate: inDays(-1) }),
    future: await add([future], { effectiveDate: inDays(30) }),
    removed: await add([removed], { expiryDate: inDays(5) }),
  };
  unwrap(await core.invoke('evidence.remove', { id: pieces.removed.id, reason: 'Superseded' }));
  return { clock, core, assessment, pieces, add };
}

describe('evidence expiring', () => {
  it('flags every criterion that relies on evidence expiring within 30 days, and no other', async () => {
    const { core, assessment, pieces } = await setUp();
    const result = unwrap(await core.invoke('evidence.expiring', {}));
    expect(result.onDate).toBe(today);
    expect(result.criteria).toBe(3);
    expect(result.items).toEqual([
      {
        assessmentId: assessment.id,
        providerName: 'Riverside Allotments',
        criterion: onlyExpiring,
        evidenceId: pieces.onlyExpiring.id,
        title: 'Piece 1',
        expiryDate: inDays(10),
      },
      ...[sharedA, sharedB].sort().map((criterion) => ({
        assessmentId: assessment.id,
        providerName: 'Riverside Allotments',
        criterion,
        evidenceId: pieces.shared.id,
        title: 'Piece 5',
        expiryDate: inDays(20),
      })),
    ]);
  });

  it('shows each criterion its freshness badge on the assessment date', async () => {
    const { core, assessment } = await setUp();
    const result = unwrap(await core.invoke('evidence.freshness', { assessmentId: assessment.id }));
    expect(result.onDate).toBe(today);
    expect(result.criteria).toEqual({
      [onlyExpiring]: { freshness: 'expiring', count: 1, current: 1 },
      [alsoLasting]: { freshness: 'current', count: 2, current: 2 },
      [beyondWindow]: { freshness: 'current', count: 1, current: 1 },
      [sharedA]: { freshness: 'expiring', count: 1, current: 1 },
      [sharedB]: { freshness: 'expiring', count: 1, current: 1 },
      [expired]: { freshness: 'expired', count: 1, current: 0 },
      [future]: { freshness: 'expired', count: 1, current: 0 },
    });
  });

  it('moves with the clock: what expired stops being flagged and shows as out of date', async () => {
    const { clock, core, assessment } = await setUp();
    clock.set(`${inDays(11)}T10:00:00.000Z`);
    const expiring = unwrap(await core.invoke('evidence.expiring', {}));
    // Piece 1 has expired and the 45-day piece is now 34 days off: only the shared piece is left.
    expect(expiring.items.map((i) => i.criterion).sort()).toEqual([sharedA, sharedB].sort());
    const badges = unwrap(await core.invoke('evidence.freshness', { assessmentId: assessment.id }));
    expect(badges.criteria[onlyExpiring]).toEqual({ freshness: 'expired', count: 1, current: 0 });
    expect(badges.criteria[alsoLasting]).toEqual({ freshness: 'current', count: 2, current: 1 });
    clock.set(`${inDays(30)}T10:00:00.000Z`);
    const later = unwrap(await core.invoke('evidence.freshness', { assessmentId: assessment.id }));
    expect(later.criteria[beyondWindow]?.freshness).toBe('expiring');
    expect(later.criteria[future]?.freshness).toBe('current');
    expect(later.criteria[sharedA]?.freshness).toBe('expired');
  });

  it('honours a window other than 30 days both ways', async () => {
    const { core } = await setUp();
    const wide = unwrap(await core.invoke('evidence.expiring', { withinDays: 60 }));
    expect(wide.items.map((i) => i.criterion).sort()).toEqual(
      [onlyExpiring, beyondWindow, sharedA, sharedB].sort(),
    );
    expect(wide.criteria).toBe(4);
    const narrow = unwrap(await core.invoke('evidence.expiring', { withinDays: 15 }));
    expect(narrow.items.map((i) => i.criterion)).toEqual([onlyExpiring]);
    const tiny = unwrap(await core.invoke('evidence.expiring', { withinDays: 5 }));
    expect(tiny).toMatchObject({ criteria: 0, items: [] });
  });

  it('does not flag a criterion when its other evidence outlasts a narrow window', async () => {
    const { core, add } = await setUp();
    // onlyExpiring gets a second piece expiring in 20 days: within 30 days it relies on both,
    // but within 15 days the second piece is still current, so it relies on neither.
    await add([onlyExpiring], { expiryDate: inDays(20) });
    const month = unwrap(await core.invoke('evidence.expiring', { withinDays: 30 }));
    expect(month.items.filter((i) => i.criterion === onlyExpiring)).toHaveLength(2);
    expect(month.criteria).toBe(3);
    const narrow = unwrap(await core.invoke('evidence.expiring', { withinDays: 15 }));
    expect(narrow).toMatchObject({ criteria: 0, items: [] });
  });

  it('leaves out assessments that are submitted or decided', async () => {
    const { core, assessment } = await setUp();
    core.context.db
      .prepare("UPDATE assessments SET status = 'submitted' WHERE id = ?")
      .run(assessment.id);
    expect(unwrap(await core.invoke('evidence.expiring', {}))).toMatchObject({
      criteria: 0,
      items: [],
    });
  });
});
