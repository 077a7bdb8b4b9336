import type { RegisterEntry } from './schema';

export type ChangeKind =
  | 'new'
  | 'suspended'
  | 'reinstated'
  | 'withdrawn'
  | 'expired'
  | 'superseded'
  | 'capacity-changed'
  | 'removed';

export interface RegisterChange {
  kind: ChangeKind;
  certificateNumber: string;
  holder: string;
  detail: string;
}

function capacityOf(e: RegisterEntry): string {
  return e.services
    .map(
      (s) =>
        `${s.id}:${s.acceptingReferrals ? 'open' : 'closed'}:${s.placesPerMonth ?? '-'}:${s.waitingWeeks ?? '-'}`,
    )
    .sort()
    .join('|');
}

function describeCapacity(before: RegisterEntry, after: RegisterEntry): string {
  const parts: string[] = [];
  for (const s of after.services) {
    const old = before.services.find((b) => b.id === s.id);
    if (!old) {
      parts.push(`${s.name} added`);
      continue;
    }
    if (old.acceptingReferrals !== s.acceptingReferrals) {
      parts.push(
        `${s.name} ${s.acceptingReferrals ? 'now accepting referrals' : 'stopped accepting referrals'}`,
      );
    }
    if (old.waitingWeeks !== s.waitingWeeks)
      parts.push(
        `${s.name} waiting time ${old.waitingWeeks ?? '—'} → ${s.waitingWeeks ?? '—'} weeks`,
      );
    if (old.placesPerMonth !== s.placesPerMonth)
      parts.push(
        `${s.name} places ${old.placesPerMonth ?? '—'} → ${s.placesPerMonth ?? '—'} a month`,
      );
  }
  for (const s of before.services)
    if (!after.services.some((a) => a.id === s.id)) parts.push(`${s.name} removed`);
  return parts.join('; ');
}

/** What changed between two publications of the register, certificate by certificate. */
export function diffRegisters(
  before: readonly RegisterEntry[],
  after: readonly RegisterEntry[],
): RegisterChange[] {
  const old = new Map(before.map((e) => [e.certificateNumber, e]));
  const changes: RegisterChange[] = [];
  for (const e of after) {
    const prev = old.get(e.certificateNumber);
    const base = { certificateNumber: e.certificateNumber, holder: e.holder.name };
    if (!prev) {
      changes.push({ ...base, kind: 'new', detail: `${e.status}, expires ${e.expiresOn}` });
      continue;
    }
    if (prev.status !== e.status) {
      // Back to active can only follow a suspension; every other status names its own change.
      const kind: ChangeKind = e.status === 'active' ? 'reinstated' : e.status;
      changes.push({
        ...base,
        kind,
        detail: `${prev.status} → ${e.status}${e.statusDate ? ` on ${e.statusDate}` : ''}`,
      });
    }
    if (capacityOf(prev) !== capacityOf(e))
      changes.push({ ...base, kind: 'capacity-changed', detail: describeCapacity(prev, e) });
  }
  const now = new Set(after.map((e) => e.certificateNumber));
  for (const e of before) {
    if (!now.has(e.certificateNumber))
      changes.push({
        kind: 'removed',
        certificateNumber: e.certificateNumber,
        holder: e.holder.name,
        detail: 'no longer published',
      });
  }
  return changes;
}
