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

function capacityOf(entry: RegisterEntry): string {
  return entry.services
    .map(
      (service) =>
        `${service.id}:${service.acceptingReferrals ? 'open' : 'closed'}:${service.placesPerMonth ?? '-'}:${service.waitingWeeks ?? '-'}`,
    )
    .sort()
    .join('|');
}

function describeCapacity(before: RegisterEntry, after: RegisterEntry): string {
  const parts: string[] = [];
  for (const service of after.services) {
    const old = before.services.find((b) => b.id === service.id);
    if (!old) {
      parts.push(`${service.name} added`);
      continue;
    }
    if (old.acceptingReferrals !== service.acceptingReferrals) {
      parts.push(
        `${service.name} ${service.acceptingReferrals ? 'now accepting referrals' : 'stopped accepting referrals'}`,
      );
    }
    if (old.waitingWeeks !== service.waitingWeeks)
      parts.push(
        `${service.name} waiting time ${old.waitingWeeks ?? '—'} → ${service.waitingWeeks ?? '—'} weeks`,
      );
    if (old.placesPerMonth !== service.placesPerMonth)
      parts.push(
        `${service.name} places ${old.placesPerMonth ?? '—'} → ${service.placesPerMonth ?? '—'} a month`,
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
  for (const entry of after) {
    const prev = old.get(entry.certificateNumber);
    const base = { certificateNumber: entry.certificateNumber, holder: entry.holder.name };
    if (!prev) {
      changes.push({ ...base, kind: 'new', detail: `${entry.status}, expires ${entry.expiresOn}` });
      continue;
    }
    if (prev.status !== entry.status) {
      // Back to active can only follow a suspension; every other status names its own change.
      const kind: ChangeKind = entry.status === 'active' ? 'reinstated' : entry.status;
      changes.push({
        ...base,
        kind,
        detail: `${prev.status} → ${entry.status}${entry.statusDate ? ` on ${entry.statusDate}` : ''}`,
      });
    }
    if (capacityOf(prev) !== capacityOf(entry))
      changes.push({ ...base, kind: 'capacity-changed', detail: describeCapacity(prev, entry) });
  }
  const now = new Set(after.map((e) => e.certificateNumber));
  for (const entry of before) {
    if (!now.has(entry.certificateNumber))
      changes.push({
        kind: 'removed',
        certificateNumber: entry.certificateNumber,
        holder: entry.holder.name,
        detail: 'no longer published',
      });
  }
  return changes;
}
