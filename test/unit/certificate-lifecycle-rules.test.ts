import { describe, expect, it } from 'vitest';
import {
  expiryFor,
  statusOn,
  transition,
  type CertificateDates,
  type LifecycleAction,
  type StoredStatus,
} from '../../shared/accreditation/lifecycle';

const EXPIRES = '2029-03-03';
const TODAY = '2026-06-01';
const cert = (status: StoredStatus, suspendedOn: string | null = null): CertificateDates => ({
  status,
  expiresOn: EXPIRES,
  suspendedOn: status === 'suspended' ? (suspendedOn ?? '2026-05-01') : suspendedOn,
});

const ACTIONS: LifecycleAction[] = ['suspend', 'reinstate', 'withdraw', 'supersede'];

describe('certificate lifecycle transitions', () => {
  it('allows exactly the moves of the lifecycle, from every stored status', () => {
    const expected: Record<StoredStatus, Partial<Record<LifecycleAction, StoredStatus>>> = {
      active: { suspend: 'suspended', withdraw: 'withdrawn', supersede: 'superseded' },
      suspended: { reinstate: 'active', withdraw: 'withdrawn', supersede: 'superseded' },
      withdrawn: {},
      superseded: {},
    };
    for (const [status, allowed] of Object.entries(expected) as [
      StoredStatus,
      Partial<Record<LifecycleAction, StoredStatus>>,
    ][]) {
      for (const action of ACTIONS) {
        const result = transition(cert(status), action, TODAY, 6);
        const to = allowed[action];
        if (to) expect(result, `${status} -> ${action}`).toEqual({ ok: true, to });
        else expect(result.ok, `${status} -> ${action}`).toBe(false);
      }
    }
  });

  it('says in plain words why a move is refused', () => {
    expect(transition(cert('active'), 'reinstate', TODAY, 6)).toEqual({
      ok: false,
      reason: 'an active certificate cannot be reinstated',
    });
    expect(transition(cert('suspended'), 'suspend', TODAY, 6)).toEqual({
      ok: false,
      reason: 'a suspended certificate cannot be suspended',
    });
    expect(transition(cert('withdrawn'), 'reinstate', TODAY, 6)).toEqual({
      ok: false,
      reason: 'a withdrawn certificate cannot be reinstated',
    });
    expect(transition(cert('superseded'), 'withdraw', TODAY, 6)).toEqual({
      ok: false,
      reason: 'a superseded certificate cannot be withdrawn',
    });
  });

  it('lets a suspension be lifted up to the framework’s limit, and after it only withdrawn', () => {
    const suspended = cert('suspended', '2026-08-31');
    // Six months from 31 August is the last day of February.
    expect(transition(suspended, 'reinstate', '2027-02-28', 6)).toEqual({ ok: true, to: 'active' });
    expect(transition(suspended, 'reinstate', '2027-03-01', 6)).toEqual({
      ok: false,
      reason:
        'it was suspended on 2026-08-31; reinstatement was possible until 2027-02-28, so it can now only be withdrawn',
    });
    expect(transition(suspended, 'withdraw', '2027-03-01', 6)).toEqual({
      ok: true,
      to: 'withdrawn',
    });
    // A framework with a shorter limit is obeyed.
    expect(transition(suspended, 'reinstate', '2026-10-01', 1).ok).toBe(false);
  });

  it('treats an active or suspended certificate past its expiry as expired, which only a renewal supersedes', () => {
    expect(statusOn(cert('active'), EXPIRES)).toBe('active');
    expect(statusOn(cert('active'), '2029-03-04')).toBe('expired');
    expect(statusOn(cert('suspended'), '2029-03-04')).toBe('expired');
    expect(statusOn(cert('withdrawn'), '2029-03-04')).toBe('withdrawn');
    expect(statusOn(cert('superseded'), '2029-03-04')).toBe('superseded');
    for (const action of ['suspend', 'reinstate', 'withdraw'] as const) {
      expect(transition(cert('active'), action, '2029-03-04', 6)).toEqual({
        ok: false,
        reason: 'the certificate expired on 2029-03-03; it can only be renewed',
      });
    }
    expect(transition(cert('active'), 'supersede', '2029-03-04', 6)).toEqual({
      ok: true,
      to: 'superseded',
    });
  });

  it('sets the expiry the framework’s validity after the issue date, the day before the anniversary', () => {
    expect(expiryFor('2026-03-04', 3)).toBe('2029-03-03');
    expect(expiryFor('2026-01-01', 1)).toBe('2026-12-31');
    expect(expiryFor('2026-03-01', 3)).toBe('2029-02-28');
  });
});
