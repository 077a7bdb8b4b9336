import { describe, expect, it } from 'vitest';
import { manualClock, openTestCore, unwrap } from '../helpers/core';
import {
  accreditProvider,
  assessAndDecide,
  REGISTER_PASSPHRASE,
} from '../helpers/register-fixtures';

describe('the network dashboard', () => {
  it('counts by status and region, and lists expiries, renewals due and overdue conditions', async () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const core = await openTestCore({ clock });
    const early = await accreditProvider(core, { name: 'Early Walkers', region: 'london' });
    clock.set('2026-03-04T10:00:00Z');
    const conditional = await accreditProvider(
      core,
      { name: 'Conditional Choir', region: 'wales' },
      { outcome: 'conditional', conditionsDue: '2026-05-01' },
    );
    const renewing = await accreditProvider(core, { name: 'Renewing Readers', region: 'london' });
    const suspended = await accreditProvider(core, { name: 'Paused Painters', region: 'wales' });
    const withdrawn = await accreditProvider(core, { name: 'Gone Gardeners' });
    unwrap(
      await core.invoke('certificates.suspend', { number: suspended.number, reason: 'Paused' }),
    );
    unwrap(
      await core.invoke('certificates.withdraw', { number: withdrawn.number, reason: 'Closed' }),
    );

    // Before anything is due.
    let board = unwrap(await core.invoke('register.dashboard', {}));
    expect(board.total).toBe(5);
    expect(board.byStatus).toEqual([
      { status: 'active', count: 3 },
      { status: 'suspended', count: 1 },
      { status: 'withdrawn', count: 1 },
      { status: 'superseded', count: 0 },
      { status: 'expired', count: 0 },
    ]);
    expect(board.byRegion.find((r) => r.region === 'london')).toEqual({
      region: 'london',
      active: 2,
      suspended: 0,
    });
    expect(board.byRegion.find((r) => r.region === 'wales')).toEqual({
      region: 'wales',
      active: 1,
      suspended: 1,
    });
    expect(board.expiringWithin90.count).toBe(0);
    expect(board.renewalsDue.count).toBe(0);
    expect(board.conditionsOverdue.count).toBe(0);

    // Conditions due on 1 May 2026 are overdue the day after, while the certificate is in force.
    clock.set('2026-05-02T10:00:00Z');
    board = unwrap(await core.invoke('register.dashboard', {}));
    expect(board.conditionsOverdue.items).toEqual([
      expect.objectContaining({
        certificateNumber: conditional.number,
        holder: 'Conditional Choir',
        conditionsDue: '2026-05-01',
        days: -1,
      }),
    ]);

    // Two and a half years on: the early certificate (expiring 9 January 2029) is within a year
    // of expiry, then within 90 and 30 days; a renewal assessment takes one off the renewals list.
    clock.set('2028-03-01T10:00:00Z');
    board = unwrap(await core.invoke('register.dashboard', {}));
    expect(board.renewalsDue.items.map((i) => i.certificateNumber)).toEqual([early.number]);
    clock.set('2028-12-20T10:00:00Z');
    await assessAndDecide(core, renewing.providerId);
    board = unwrap(await core.invoke('register.dashboard', {}));
    expect(board.expiringWithin30.items.map((i) => [i.certificateNumber, i.days])).toEqual([
      [early.number, 20],
    ]);
    // The rest expire on 3 March 2029, within 90 days.
    expect(board.expiringWithin90.items.map((i) => i.certificateNumber)).toEqual([
      early.number,
      conditional.number,
      renewing.number,
      suspended.number,
    ]);
    expect(board.renewalsDue.items.map((i) => i.certificateNumber)).toEqual([
      early.number,
      conditional.number,
      suspended.number,
    ]);
    expect(board.renewalWindowMonths).toBe(12);

    // Issuing the renewal supersedes the old certificate; expiry moves it out of force.
    unwrap(
      await core.invoke('certificates.issue', {
        assessmentId: (
          unwrap(await core.invoke('assessments.list', { providerId: renewing.providerId })).find(
            (a) => a.status === 'decided' && a.id !== renewing.assessmentId,
          ) ?? { id: '' }
        ).id,
        passphrase: REGISTER_PASSPHRASE,
      }),
    );
    clock.set('2029-01-15T10:00:00Z');
    board = unwrap(await core.invoke('register.dashboard', {}));
    expect(board.byStatus.find((s) => s.status === 'expired')?.count).toBe(1);
    expect(board.byStatus.find((s) => s.status === 'superseded')?.count).toBe(1);
    expect(board.expiringWithin30.count).toBe(0);
  });
});
