import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../shared/signing/canonical-json';
import { blobPath, storeRoot } from '../evidence/store';
import type { ParsedBundle } from './read-bundle';
import { fields, type Add, type Plan } from './plan-types';
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
  db: Database,
  dataDir: string,
  bundle: ParsedBundle,
  plan: Plan,
  add: Add,
  takeAssessment: boolean,
): void {
  const criteriaOf = db.prepare(
    'SELECT criterion FROM evidence_criteria WHERE evidence_id = ? ORDER BY criterion',
  );
  for (const e of bundle.evidence) {
    const row = toRow(EVIDENCE, e);
    const what = e.url
      ? 'a link'
      : e.fileIncluded
        ? 'file included'
        : e.removedAt
          ? 'removed; no file'
          : e.personalData
            ? 'personal data: the file was left out'
            : 'the file was not included';
    const needsFile = e.fileIncluded && e.sha256 !== null && !fileHeld(db, dataDir, e.sha256);
    const local = selectRow(db, EVIDENCE, 'id = ?', [e.id]);
    if (!local) {
      plan.evidence.push({ record: e, op: 'insert' });
      add('evidence', e.id, e.title, 'new', what);
      continue;
    }
    if (
      local.assessment_id !== e.assessmentId ||
      local.sha256 !== e.sha256 ||
      local.url !== e.url
    ) {
      add(
        'evidence',
        e.id,
        e.title,
        'conflict',
        'a different piece of evidence has the same id here',
      );
      continue;
    }
    const localCriteria = (criteriaOf.all(e.id) as { criterion: string }[]).map((c) => c.criterion);
    const differ = differingFields(EVIDENCE, local, row);
    if (canonicalJson(localCriteria) !== canonicalJson([...e.criteria].sort()))
      differ.push('criteria');
    if (local.removed_at !== null && e.removedAt === null) {
      add('evidence', e.id, e.title, 'unchanged', 'removed here; it stays removed');
    } else if (differ.length === 0 && !needsFile) {
      add('evidence', e.id, e.title, 'unchanged', null);
    } else if (differ.length > 0 && !takeAssessment && e.removedAt === null) {
      add(
        'evidence',
        e.id,
        e.title,
        'unchanged',
        `your copy differs (${fields(differ)}) and is kept: the assessment is not newer in the bundle`,
      );
    } else {
      plan.evidence.push({ record: e, op: 'update' });
      add(
        'evidence',
        e.id,
        e.title,
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

export function planCertificates(db: Database, bundle: ParsedBundle, plan: Plan, add: Add): void {
  const inBundle = new Set(bundle.certificates.map((c) => c.number));
  for (const c of bundle.certificates) {
    const label = `Certificate ${c.number} (${c.status})`;
    const incomingEvents = c.events.map((e) => toRow(CERTIFICATE_EVENTS, e));
    const local = selectRow(db, CERTIFICATES, 'number = ?', [c.number]);
    if (!local) {
      plan.certificates.push({ record: c, op: 'insert', newEvents: incomingEvents });
      add('certificate', c.number, label, 'new', `issued ${c.issuedOn}, expires ${c.expiresOn}`);
      const supersedes = (c.document.payload as { supersedes?: unknown }).supersedes;
      if (typeof supersedes === 'string' && !inBundle.has(supersedes)) {
        const old = db
          .prepare('SELECT number, status, key_id FROM certificates WHERE number = ?')
          .get(supersedes) as { number: string; status: string; key_id: string } | undefined;
        if (
          old &&
          old.key_id === c.keyId &&
          (old.status === 'active' || old.status === 'suspended')
        ) {
          plan.superseded.push({ number: old.number, by: c.number, from: old.status });
          add(
            'certificate',
            old.number,
            `Certificate ${old.number} (${old.status})`,
            'changed',
            `superseded by ${c.number}`,
          );
        }
      }
      continue;
    }
    if (
      canonicalJson(JSON.parse(String(local.document))) !== canonicalJson(c.document) ||
      local.assessment_id !== c.assessmentId
    ) {
      add(
        'certificate',
        c.number,
        label,
        'conflict',
        `a different certificate numbered ${c.number} is in your records`,
      );
      continue;
    }
    const localEvents = selectRows(db, CERTIFICATE_EVENTS, 'number = ?', [c.number], 'seq');
    const ours = localEvents.map(eventKey);
    const theirs = incomingEvents.map(eventKey);
    const prefix = (short: string[], long: string[]) => short.every((k, i) => long[i] === k);
    const statusSame =
      local.status === c.status &&
      local.suspended_on === c.suspendedOn &&
      local.superseded_by === c.supersededBy;
    if (ours.length === theirs.length && prefix(ours, theirs) && statusSame) {
      add('certificate', c.number, label, 'unchanged', null);
    } else if (ours.length < theirs.length && prefix(ours, theirs)) {
      plan.certificates.push({
        record: c,
        op: 'append',
        newEvents: incomingEvents.slice(ours.length),
      });
      add(
        'certificate',
        c.number,
        label,
        'changed',
        `now ${c.status}: ${theirs.length - ours.length} new entries in its history`,
      );
    } else if (theirs.length <= ours.length && prefix(theirs, ours)) {
      add(
        'certificate',
        c.number,
        label,
        'unchanged',
        `your copy's history is more recent (${String(local.status)}) and is kept`,
      );
    } else {
      add(
        'certificate',
        c.number,
        label,
        'conflict',
        'its history here and in the bundle have gone different ways',
      );
    }
  }
}
