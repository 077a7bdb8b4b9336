import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../audit/trail';
import { storeFramework } from '../frameworks/store';
import { nameKey } from '../providers/rows';
import { recordEvent, reserveCertificateNumber } from '../certificates/queries';
import type { ParsedBundle } from './read-bundle';
import type { Plan } from './plan';
import {
  ACTIONS,
  ASSESSMENTS,
  CERTIFICATES,
  CERTIFICATE_EVENTS,
  DECISIONS,
  EVIDENCE,
  FINDINGS,
  PROVIDERS,
  RATINGS,
  REVISIONS,
  SERVICES,
  insertRow,
  toRow,
  updateRow,
  type Row,
} from './records';
import { UNKNOWN_MEDIA_TYPE } from '../evidence/sniff';

export interface ApplyContext {
  db: Database;
  now: string;
  actor: string;
  audit: (entry: Omit<AuditEntry, 'actor'>) => void;
  /** Media types of the evidence files this import stored, by SHA-256. */
  stored: Map<string, string>;
}

function insertEvents(db: Database, number: string, events: Row[]): void {
  for (const e of events)
    insertRow(
      db,
      { ...CERTIFICATE_EVENTS, columns: ['number', ...CERTIFICATE_EVENTS.columns] },
      { ...e, number },
    );
}

/**
 * Writes what the plan says, inside the caller's transaction, with an audit entry for each record
 * added or changed. Evidence files are already in the store; here only their rows are written.
 */
export function applyPlan(bundle: ParsedBundle, plan: Plan, ctx: ApplyContext): void {
  const { db, now, audit } = ctx;
  const record = (kind: string, id: string, detail: unknown) =>
    audit({ action: `${kind}.imported`, entityType: kind, entityId: id, detail });
  const itemDetail = (kind: string, id: string) => {
    const item = plan.items.find((i) => i.kind === kind && i.id === id);
    return { status: item?.status, detail: item?.detail, bundle: bundle.manifestSha256 };
  };

  if (plan.installFramework) {
    const { summary } = storeFramework(db, bundle.framework, {
      source: `bundle from ${bundle.manifest.sender.name}`,
      now,
    });
    audit({
      action: 'framework.installed',
      entityType: 'framework',
      entityId: `${summary.id}@${summary.version}`,
      detail: { sha256: summary.sha256, from: 'bundle', bundle: bundle.manifestSha256 },
    });
  }

  const { provider } = bundle.provider;
  if (plan.provider) {
    const row = toRow(PROVIDERS, provider);
    if (plan.provider === 'insert')
      insertRow(db, PROVIDERS, row, { name_key: nameKey(provider.name) });
    else updateRow(db, PROVIDERS, row, ['id'], { name_key: nameKey(provider.name) });
    record('provider', provider.id, itemDetail('provider', provider.id));
  }
  for (const { row, op } of plan.services) {
    if (op === 'insert') insertRow(db, SERVICES, row);
    else updateRow(db, SERVICES, row, ['id']);
    record('service', String(row.id), itemDetail('service', String(row.id)));
  }

  const file = bundle.assessment;
  const assessmentId = file.assessment.id;
  if (plan.assessment) {
    if (plan.assessment.op === 'insert') insertRow(db, ASSESSMENTS, plan.assessment.row);
    else {
      updateRow(db, ASSESSMENTS, plan.assessment.row, ['id']);
      for (const spec of [RATINGS, ACTIONS, FINDINGS])
        db.prepare(`DELETE FROM ${spec.table} WHERE assessment_id = ?`).run(assessmentId);
    }
    for (const r of file.ratings) insertRow(db, RATINGS, toRow(RATINGS, r));
    for (const r of file.actions) insertRow(db, ACTIONS, toRow(ACTIONS, r));
    for (const r of file.findings) insertRow(db, FINDINGS, toRow(FINDINGS, r));
    record('assessment', assessmentId, itemDetail('assessment', assessmentId));
  }
  for (const revision of plan.revisions) {
    if (revision.op === 'insert') insertRow(db, REVISIONS, revision.row);
    else updateRow(db, REVISIONS, revision.row, ['assessment_id', 'revision']);
    audit({
      action: 'revision.imported',
      entityType: 'assessment',
      entityId: assessmentId,
      detail: {
        revision: revision.row.revision,
        sha256: revision.row.sha256,
        bundle: bundle.manifestSha256,
      },
    });
  }
  for (const decision of plan.decisions) {
    insertRow(db, DECISIONS, decision);
    audit({
      action: 'decision.imported',
      entityType: 'assessment',
      entityId: assessmentId,
      detail: {
        decisionId: decision.id,
        revision: decision.revision,
        outcome: decision.outcome,
        bundle: bundle.manifestSha256,
      },
    });
  }

  const upsertLiveBlob = db.prepare(
    `INSERT INTO evidence_blobs (sha256, size, media_type, stored_at, deleted_at) VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (sha256) DO UPDATE SET deleted_at = NULL`,
  );
  // A file left out (personal data) is recorded as not held here, as a removed file is.
  const noteAbsentBlob = db.prepare(
    `INSERT INTO evidence_blobs (sha256, size, media_type, stored_at, deleted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sha256) DO NOTHING`,
  );
  const clearCriteria = db.prepare('DELETE FROM evidence_criteria WHERE evidence_id = ?');
  const addCriterion = db.prepare(
    'INSERT INTO evidence_criteria (evidence_id, criterion) VALUES (?, ?)',
  );
  for (const { record: evidence, op } of plan.evidence) {
    if (evidence.sha256) {
      const size = evidence.size ?? 1;
      if (evidence.fileIncluded)
        upsertLiveBlob.run(
          evidence.sha256,
          size,
          ctx.stored.get(evidence.sha256) ?? evidence.mediaType ?? UNKNOWN_MEDIA_TYPE,
          now,
        );
      else
        noteAbsentBlob.run(
          evidence.sha256,
          Math.max(1, size),
          evidence.mediaType ?? UNKNOWN_MEDIA_TYPE,
          now,
          now,
        );
    }
    const row = toRow(EVIDENCE, evidence);
    if (op === 'insert') insertRow(db, EVIDENCE, row);
    else updateRow(db, EVIDENCE, row, ['id']);
    clearCriteria.run(evidence.id);
    for (const code of evidence.criteria) addCriterion.run(evidence.id, code);
    record('evidence', evidence.id, {
      ...itemDetail('evidence', evidence.id),
      sha256: evidence.sha256,
      fileIncluded: evidence.fileIncluded,
    });
  }

  for (const planned of plan.certificates) {
    const cert = planned.record;
    if (planned.op === 'insert') {
      const { events: _events, ...rest } = cert;
      insertRow(db, CERTIFICATES, toRow(CERTIFICATES, rest));
      reserveCertificateNumber(db, cert.number);
    } else {
      db.prepare(
        'UPDATE certificates SET status = ?, suspended_on = ?, superseded_by = ? WHERE number = ?',
      ).run(cert.status, cert.suspendedOn, cert.supersededBy, cert.number);
    }
    insertEvents(db, cert.number, planned.newEvents);
    record('certificate', cert.number, itemDetail('certificate', cert.number));
  }
  for (const superseded of plan.superseded) {
    db.prepare(
      "UPDATE certificates SET status = 'superseded', superseded_by = ? WHERE number = ?",
    ).run(superseded.by, superseded.number);
    recordEvent(db, superseded.number, {
      at: now,
      actor: ctx.actor,
      action: 'supersede',
      from: superseded.from,
      to: 'superseded',
      reason: `renewed by ${superseded.by} (imported)`,
    });
    record('certificate', superseded.number, {
      status: 'changed',
      detail: `superseded by ${superseded.by}`,
      bundle: bundle.manifestSha256,
    });
  }

  audit({
    action: 'bundle.imported',
    entityType: 'bundle',
    entityId: bundle.manifestSha256,
    detail: {
      sender: bundle.manifest.sender,
      createdAt: bundle.manifest.createdAt,
      assessmentId,
      counts: {
        new: plan.items.filter((i) => i.status === 'new').length,
        changed: plan.items.filter((i) => i.status === 'changed').length,
      },
    },
  });
}
