import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../shared/signing/canonical-json';
import { blobPath, storeRoot } from '../evidence/store';
import { fields, noteFor, type PlanContext } from './plan-types';
import {
  CERTIFICATES,
  CERTIFICATE_EVENTS,
  EVIDENCE,
  differingFields,
  selectRow,
  selectRows,
  toRow,
  type Row,
} from './records';

function fileHeld(db: Database, dataDir: string, sha256: string): boolean {
  const live = db
    .prepare('SELECT 1 FROM evidence_blobs WHERE sha256 = ? AND deleted_at IS NULL')
    .get(sha256);
  return live !== undefined && existsSync(blobPath(storeRoot(dataDir), sha256));
}

const eventKey = (e: Row) =>
  canonicalJson([e.at, e.actor, e.action, e.from_status, e.to_status, e.reason]);

export function planEvidence(
  { db, bundle, plan, add }: PlanContext,
  { dataDir, takeAssessment }: { dataDir: string; takeAssessment: boolean },
): void {
  const criteriaOf = db.prepare(
    'SELECT criterion FROM evidence_criteria WHERE evidence_id = ? ORDER BY criterion',
  );
  for (const evidence of bundle.evidence) {
    const note = noteFor(add, { kind: 'evidence', id: evidence.id, label: evidence.title });
    const row = toRow(EVIDENCE, evidence);
    const what = evidence.url
      ? 'a link'
      : evidence.fileIncluded
        ? 'file included'
        : evidence.removedAt
          ? 'removed; no file'
          : evidence.personalData
            ? 'personal data: the file was left out'
            : 'the file was not included';
    const needsFile =
      evidence.fileIncluded && evidence.sha256 !== null && !fileHeld(db, dataDir, evidence.sha256);
    const local = selectRow(db, EVIDENCE, 'id = ?', [evidence.id]);
    if (!local) {
      plan.evidence.push({ record: evidence, op: 'insert' });
      note('new', what);
      continue;
    }
    if (
      local.assessment_id !== evidence.assessmentId ||
      local.sha256 !== evidence.sha256 ||
      local.url !== evidence.url
    ) {
      note('conflict', 'a different piece of evidence has the same id here');
      continue;
    }
    const localCriteria = (criteriaOf.all(evidence.id) as { criterion: string }[]).map(
      (c) => c.criterion,
    );
    const differ = differingFields(EVIDENCE, local, row);
    if (canonicalJson(localCriteria) !== canonicalJson([...evidence.criteria].sort()))
      differ.push('criteria');
    if (local.removed_at !== null && evidence.removedAt === null) {
      note('unchanged', 'removed here; it stays removed');
    } else if (differ.length === 0 && !needsFile) {
      note('unchanged');
    } else if (differ.length > 0 && !takeAssessment && evidence.removedAt === null) {
      note(
        'unchanged',
        `your copy differs (${fields(differ)}) and is kept: the assessment is not newer in the bundle`,
      );
    } else {
      plan.evidence.push({ record: evidence, op: 'update' });
      note(
        'changed',
        [
          differ.length > 0 ? `updated: ${fields(differ)}` : '',
          needsFile ? 'the missing file is restored' : '',
        ]
          .filter(Boolean)
          .join('; '),
      );
    }
  }
}

export function planCertificates({ db, bundle, plan, add }: PlanContext): void {
  const inBundle = new Set(bundle.certificates.map((c) => c.number));
  for (const certificate of bundle.certificates) {
    const { number } = certificate;
    const note = noteFor(add, {
      kind: 'certificate',
      id: number,
      label: `Certificate ${number} (${certificate.status})`,
    });
    const incomingEvents = certificate.events.map((e) => toRow(CERTIFICATE_EVENTS, e));
    const local = selectRow(db, CERTIFICATES, 'number = ?', [number]);
    if (!local) {
      plan.certificates.push({ record: certificate, op: 'insert', newEvents: incomingEvents });
      note('new', `issued ${certificate.issuedOn}, expires ${certificate.expiresOn}`);
      const supersedes = (certificate.document.payload as { supersedes?: unknown }).supersedes;
      if (typeof supersedes === 'string' && !inBundle.has(supersedes)) {
        const old = db
          .prepare('SELECT number, status, key_id FROM certificates WHERE number = ?')
          .get(supersedes) as { number: string; status: string; key_id: string } | undefined;
        if (
          old &&
          old.key_id === certificate.keyId &&
          (old.status === 'active' || old.status === 'suspended')
        ) {
          plan.superseded.push({ number: old.number, by: number, from: old.status });
          add({
            kind: 'certificate',
            id: old.number,
            label: `Certificate ${old.number} (${old.status})`,
            status: 'changed',
            detail: `superseded by ${number}`,
          });
        }
      }
      continue;
    }
    if (
      canonicalJson(JSON.parse(String(local.document))) !== canonicalJson(certificate.document) ||
      local.assessment_id !== certificate.assessmentId
    ) {
      note('conflict', `a different certificate numbered ${number} is in your records`);
      continue;
    }
    const localEvents = selectRows(db, CERTIFICATE_EVENTS, 'number = ?', [number], 'seq');
    const ours = localEvents.map(eventKey);
    const theirs = incomingEvents.map(eventKey);
    const prefix = (short: string[], long: string[]) => short.every((k, i) => long[i] === k);
    const statusSame =
      local.status === certificate.status &&
      local.suspended_on === certificate.suspendedOn &&
      local.superseded_by === certificate.supersededBy;
    if (ours.length === theirs.length && prefix(ours, theirs) && statusSame) {
      note('unchanged');
    } else if (ours.length < theirs.length && prefix(ours, theirs)) {
      plan.certificates.push({
        record: certificate,
        op: 'append',
        newEvents: incomingEvents.slice(ours.length),
      });
      note(
        'changed',
        `now ${certificate.status}: ${theirs.length - ours.length} new entries in its history`,
      );
    } else if (theirs.length <= ours.length && prefix(theirs, ours)) {
      note('unchanged', `your copy's history is more recent (${String(local.status)}) and is kept`);
    } else {
      note('conflict', 'its history here and in the bundle have gone different ways');
    }
  }
}
