import { describe, expect, it } from 'vitest';
import {
  addDays,
  expiresWithin,
  freshnessOf,
  isCurrentOn,
  type DatedEvidence,
} from '../../shared/evidence/freshness';
import { EXPIRY_WARNING_DAYS } from '../../shared/evidence/schema';

const on = '2025-03-10';

function piece(
  effectiveDate: string | null,
  expiryDate: string | null,
  removedAt: string | null = null,
): DatedEvidence {
  return { effectiveDate, expiryDate, removedAt };
}

describe('addDays', () => {
  it('counts calendar days across month, leap-day and clock-change boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addDays('2025-12-31', 30)).toBe('2026-01-30');
    expect(addDays(on, 0)).toBe(on);
    expect(addDays(on, -10)).toBe('2025-02-28');
  });
});

describe('isCurrentOn', () => {
  it('counts undated evidence as current', () => {
    expect(isCurrentOn(piece(null, null), on)).toBe(true);
  });

  it('counts evidence on its effective date and on its expiry date, not a day outside them', () => {
    expect(isCurrentOn(piece(on, null), on)).toBe(true);
    expect(isCurrentOn(piece('2025-03-11', null), on)).toBe(false);
    expect(isCurrentOn(piece(null, on), on)).toBe(true);
    expect(isCurrentOn(piece(null, '2025-03-09'), on)).toBe(false);
    expect(isCurrentOn(piece(on, on), on)).toBe(true);
  });

  it('never counts removed evidence, however well dated', () => {
    expect(isCurrentOn(piece(null, null, '2025-01-01T00:00:00.000Z'), on)).toBe(false);
  });
});

describe('expiresWithin', () => {
  it('is true from the date itself to the end of the warning window, inclusive', () => {
    expect(expiresWithin(piece(null, on), on)).toBe(true);
    expect(expiresWithin(piece(null, addDays(on, EXPIRY_WARNING_DAYS)), on)).toBe(true);
    expect(expiresWithin(piece(null, addDays(on, EXPIRY_WARNING_DAYS + 1)), on)).toBe(false);
  });

  it('uses the window it is given', () => {
    expect(expiresWithin(piece(null, addDays(on, 10)), on, 7)).toBe(false);
    expect(expiresWithin(piece(null, addDays(on, 7)), on, 7)).toBe(true);
  });

  it('is false for evidence with no expiry, already expired, not yet effective or removed', () => {
    expect(expiresWithin(piece(null, null), on)).toBe(false);
    expect(expiresWithin(piece(null, '2025-03-09'), on)).toBe(false);
    expect(expiresWithin(piece('2025-03-11', '2025-03-20'), on)).toBe(false);
    expect(expiresWithin(piece(null, '2025-03-20', '2025-03-01T09:00:00.000Z'), on)).toBe(false);
  });
});

describe('freshnessOf', () => {
  it('is none with no evidence, or only removed evidence', () => {
    expect(freshnessOf([], on)).toBe('none');
    expect(freshnessOf([piece(null, null, '2025-03-01T09:00:00.000Z')], on)).toBe('none');
  });

  it('is current when a piece lasts beyond the warning window', () => {
    expect(freshnessOf([piece(null, null)], on)).toBe('current');
    expect(freshnessOf([piece('2024-01-01', '2026-01-01')], on)).toBe('current');
    expect(freshnessOf([piece(null, addDays(on, EXPIRY_WARNING_DAYS + 1))], on)).toBe('current');
  });

  it('is expired when nothing is current, including evidence that is not yet in force', () => {
    expect(freshnessOf([piece(null, '2025-03-09')], on)).toBe('expired');
    expect(freshnessOf([piece('2025-03-11', null)], on)).toBe('expired');
    expect(freshnessOf([piece(null, '2025-03-09'), piece('2025-04-01', null)], on)).toBe('expired');
  });

  it('still counts evidence on its expiry date (as expiring), and calls it expired the day after', () => {
    expect(freshnessOf([piece(null, addDays(on, EXPIRY_WARNING_DAYS + 5))], on)).toBe('current');
    expect(freshnessOf([piece(null, on)], on)).toBe('expiring');
    expect(freshnessOf([piece(null, on)], addDays(on, 1))).toBe('expired');
  });

  it('is expiring only when every current piece expires within the window', () => {
    const soon = piece(null, addDays(on, 12));
    const alsoSoon = piece('2025-01-01', addDays(on, EXPIRY_WARNING_DAYS));
    expect(freshnessOf([soon], on)).toBe('expiring');
    expect(freshnessOf([soon, alsoSoon], on)).toBe('expiring');
    expect(freshnessOf([soon, piece(null, null)], on)).toBe('current');
    expect(freshnessOf([soon, piece(null, addDays(on, EXPIRY_WARNING_DAYS + 1))], on)).toBe(
      'current',
    );
  });

  it('judges "lasting" against the window it is given', () => {
    const pieces = [piece(null, addDays(on, 10)), piece(null, addDays(on, 20))];
    expect(freshnessOf(pieces, on)).toBe('expiring');
    expect(freshnessOf(pieces, on, 15)).toBe('current');
    expect(freshnessOf([piece(null, addDays(on, 45))], on, 60)).toBe('expiring');
  });

  it('does not let expired, future or removed evidence stand in for lasting evidence', () => {
    const soon = piece(null, addDays(on, 3));
    expect(freshnessOf([soon, piece(null, '2025-01-01')], on)).toBe('expiring');
    expect(freshnessOf([soon, piece('2025-04-01', null)], on)).toBe('expiring');
    expect(freshnessOf([soon, piece(null, null, '2025-03-01T09:00:00.000Z')], on)).toBe('expiring');
  });
});
