import type { PreviewStatus } from '../../../shared/bundles/schema';
import { date, fields, noteFor, type PlanContext } from './plan-types';
import {
  ACTIONS,
  ASSESSMENTS,
  DECISIONS,
  FINDINGS,
  RATINGS,
  REVISIONS,
  differingFields,
  selectRow,
  selectRows,
  toRow,
  type Row,
  type TableSpec,
} from './records';
import { ASSESSMENT_KIND_LABELS } from '../../../shared/assessment/schema';

/** Keys of the records that differ between two lists (missing on either side included). */
function sameList(spec: TableSpec, local: Row[], incoming: Row[], key: string): string[] {
  const byKey = new Map(local.map((r) => [String(r[key]), r]));
  const differ: string[] = [];
  for (const row of incoming) {
    const mine = byKey.get(String(row[key]));
    if (!mine || differingFields(spec, mine, row).length > 0) differ.push(String(row[key]));
    byKey.delete(String(row[key]));
  }
  return [...differ, ...byKey.keys()];
}

/**
 * The assessment, its revisions and its decisions. Revisions decide which copy is newer: a newer
 * revision supersedes, an older one is refused, and at the same revision the later edit wins
 * only if it is the bundle's. Returns whether the bundle's copy of the assessment is taken.
 */
export function planAssessment(context: PlanContext): boolean {
  const takeAssessment = planAssessmentRecord(context);
  planRevisions(context);
  planDecisions(context);
  return takeAssessment;
}

function planAssessmentRecord({ db, bundle, plan, add }: PlanContext): boolean {
  const { provider } = bundle.provider;
  const { assessment: incoming, ratings, actions, findings } = bundle.assessment;
  const note = noteFor(add, {
    kind: 'assessment',
    id: incoming.id,
    label: `${ASSESSMENT_KIND_LABELS[incoming.kind]} of ${provider.name}`,
  });
  const basedOn =
    incoming.basedOn && db.prepare('SELECT 1 FROM assessments WHERE id = ?').get(incoming.basedOn)
      ? incoming.basedOn
      : null;
  const row: Row = { ...toRow(ASSESSMENTS, incoming), based_on: basedOn };
  const take = (op: 'insert' | 'replace', status: PreviewStatus, detail: string) => {
    plan.assessment = { row, op };
    note(status, detail);
    return true;
  };

  const local = selectRow(db, ASSESSMENTS, 'id = ?', [incoming.id]);
  if (!local)
    return take(
      'insert',
      'new',
      `revision ${incoming.revision}, ${incoming.status.replace('-', ' ')}${incoming.basedOn && !basedOn ? `; it was based on ${incoming.basedOn}, which is not in your records` : ''}`,
    );
  if (
    local.provider_id !== incoming.providerId ||
    local.kind !== incoming.kind ||
    local.framework_id !== incoming.frameworkId ||
    local.framework_version !== incoming.frameworkVersion
  ) {
    note('conflict', 'a different assessment with the same id is in your records');
    return false;
  }
  const ours = Number(local.revision);
  if (incoming.revision < ours) {
    note(
      'conflict',
      `the bundle holds revision ${incoming.revision}, but you already have revision ${ours}; an older revision is not imported`,
    );
    return false;
  }
  if (incoming.revision > ours)
    return take(
      'replace',
      'changed',
      `revision ${incoming.revision} supersedes your revision ${ours}`,
    );

  const differ = differingFields(ASSESSMENTS, local, row);
  for (const [spec, records, key, noun] of [
    [RATINGS, ratings, 'criterion', 'rating'],
    [ACTIONS, actions, 'criterion', 'action'],
    [FINDINGS, findings, 'id', 'finding'],
  ] as const) {
    const localRows = selectRows(db, spec, 'assessment_id = ?', [incoming.id]);
    const incomingRows = records.map((record) => toRow(spec, record));
    for (const differing of sameList(spec, localRows, incomingRows, key))
      differ.push(`${noun} ${differing}`);
  }
  if (differ.length === 0) {
    note('unchanged');
    return false;
  }
  if (String(row.updated_at) > String(local.updated_at))
    return take('replace', 'changed', `revision ${incoming.revision} updated: ${fields(differ)}`);
  note(
    'conflict',
    `your copy of revision ${ours} was changed more recently (${date(local.updated_at)}) than the bundle's (${date(row.updated_at)}); ` +
      `they differ in ${fields(differ)}`,
  );
  return false;
}

function planRevisions({ db, bundle, plan, add }: PlanContext): void {
  const assessmentId = bundle.assessment.assessment.id;
  for (const revision of bundle.assessment.revisions) {
    const row = toRow(REVISIONS, revision);
    const note = noteFor(add, {
      kind: 'revision',
      id: `${assessmentId}#${revision.revision}`,
      label: `Revision ${revision.revision}${revision.sealedAt ? ` (sealed ${date(revision.sealedAt)})` : ' (open)'}`,
    });
    const local = selectRow(db, REVISIONS, 'assessment_id = ? AND revision = ?', [
      assessmentId,
      revision.revision,
    ]);
    if (!local) {
      plan.revisions.push({ row, op: 'insert' });
      note('new');
    } else if (local.sealed_at !== null) {
      if (revision.sha256 === local.sha256) note('unchanged');
      else
        note(
          'conflict',
          revision.sha256
            ? `revision ${revision.revision} was sealed differently here (${String(local.sha256).slice(0, 12)}…) than in the bundle (${revision.sha256.slice(0, 12)}…)`
            : `revision ${revision.revision} is already sealed here, but the bundle's copy is not`,
        );
    } else if (differingFields(REVISIONS, local, row).length === 0) {
      note('unchanged');
    } else {
      plan.revisions.push({ row, op: 'update' });
      note('changed', revision.sealedAt ? 'sealed since your copy was made' : 'reopened');
    }
  }
}

function planDecisions({ db, bundle, plan, add }: PlanContext): void {
  const assessmentId = bundle.assessment.assessment.id;
  for (const decision of bundle.assessment.decisions) {
    const row = toRow(DECISIONS, decision);
    const note = noteFor(add, {
      kind: 'decision',
      id: decision.id,
      label: `Decision on revision ${decision.revision}: ${decision.outcome}`,
    });
    const local = selectRow(db, DECISIONS, 'id = ?', [decision.id]);
    if (local) {
      if (differingFields(DECISIONS, local, row).length === 0) note('unchanged');
      else note('conflict', 'your copy of this decision differs; a decision never changes');
      continue;
    }
    const other = db
      .prepare('SELECT id FROM decisions WHERE assessment_id = ? AND revision = ?')
      .get(assessmentId, decision.revision) as { id: string } | undefined;
    if (other)
      note(
        'conflict',
        `you already have a different decision (${other.id}) on revision ${decision.revision}`,
      );
    else {
      plan.decisions.push(row);
      note('new');
    }
  }
}
