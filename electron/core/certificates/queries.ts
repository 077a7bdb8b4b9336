import type { Database } from 'better-sqlite3';
import type { Certificate, CertificatePayload } from '../../../shared/accreditation/schema';
import { statusOn, type StoredStatus } from '../../../shared/accreditation/lifecycle';
import type { SignedDocument } from '../../../shared/signing/format';
import {
  baseCertificateNumber,
  parseCertificateNumber,
} from '../../../shared/accreditation/certificate-number';
import { readSetting, writeSetting } from '../db/settings';
import { notFound } from '../errors';

export interface CertificateRow {
  number: string;
  base_number: string;
  reissue: number;
  assessment_id: string;
  decision_id: string;
  provider_id: string;
  status: StoredStatus;
  issued_on: string;
  expires_on: string;
  suspended_on: string | null;
  superseded_by: string | null;
  key_id: string;
  document: string;
  created_at: string;
}

interface EventRow {
  at: string;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
}

export function certificateRow(db: Database, number: string): CertificateRow {
  const row = db
    .prepare('SELECT * FROM certificates WHERE number = ?')
    .get(number.trim().toUpperCase()) as CertificateRow | undefined;
  if (!row) throw notFound('certificate', number);
  return row;
}

export function documentOf(row: CertificateRow): SignedDocument<CertificatePayload> {
  return JSON.parse(row.document) as SignedDocument<CertificatePayload>;
}

export function certificateFromRow(db: Database, row: CertificateRow, onDate: string): Certificate {
  const doc = documentOf(row);
  const events = (
    db
      .prepare(
        'SELECT at, actor, action, from_status, to_status, reason FROM certificate_events WHERE number = ? ORDER BY seq',
      )
      .all(row.number) as EventRow[]
  ).map((e) => ({
    at: e.at,
    actor: e.actor,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    reason: e.reason,
  }));
  return {
    number: row.number,
    providerId: row.provider_id,
    holderName: doc.payload.holder.name,
    assessmentId: row.assessment_id,
    status: statusOn(
      { status: row.status, expiresOn: row.expires_on, suspendedOn: row.suspended_on },
      onDate,
    ),
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    suspendedOn: row.suspended_on,
    supersededBy: row.superseded_by,
    keyId: row.key_id,
    payload: doc.payload,
    events,
  };
}

export function listCertificateRows(db: Database, providerId?: string): CertificateRow[] {
  return (
    providerId
      ? db
          .prepare(
            'SELECT * FROM certificates WHERE provider_id = ? ORDER BY created_at DESC, number DESC',
          )
          .all(providerId)
      : db.prepare('SELECT * FROM certificates ORDER BY created_at DESC, number DESC').all()
  ) as CertificateRow[];
}

const sequenceKey = (year: string) => `certificate_sequence:${year}`;
const lastInSequence = (db: Database, year: string) =>
  Number(readSetting(db, sequenceKey(year)) ?? 0);

/** The next number in the year's sequence: SPQA-2026-000123. */
export function nextCertificateNumber(db: Database, year: string): string {
  const next = lastInSequence(db, year) + 1;
  writeSetting(db, sequenceKey(year), String(next));
  return baseCertificateNumber(year, next);
}

/** Keeps this installation's numbering clear of a number issued elsewhere (imported in a bundle). */
export function reserveCertificateNumber(db: Database, number: string): void {
  const issued = parseCertificateNumber(number);
  if (!issued || lastInSequence(db, issued.year) >= issued.sequence) return;
  writeSetting(db, sequenceKey(issued.year), String(issued.sequence));
}

export function recordEvent(
  db: Database,
  number: string,
  values: {
    at: string;
    actor: string;
    action: string;
    from: string | null;
    to: string;
    reason: string | null;
  },
): void {
  db.prepare(
    'INSERT INTO certificate_events (number, at, actor, action, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(number, values.at, values.actor, values.action, values.from, values.to, values.reason);
}
