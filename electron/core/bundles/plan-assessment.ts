import type { Database } from 'better-sqlite3';
import type { ParsedBundle } from './read-bundle';
import { date, fields, type Add, type Plan } from './plan-types';
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
export function planAssessment(db: Database, bundle: ParsedBundle, plan: Plan, add: Add): boolean {
  const p = bundle.provider.provider;
  const file = bundle.assessment;
  const a = file.assessment;
  const label = `${a.kind === 'self' ? 'Self-assessment' : 'External assessment'} of ${p.name}`;
  const basedOn =
    a.basedOn && db.prepare('SELECT 1 FROM assessments WHERE id = ?').get(a.basedOn)
      ? a.basedOn
      : null;
  const assessmentRow: Row = { ...toRow(ASSESSMENTS, a), based_on: basedOn };
  const localAssessment = selectRow(db, ASSESSMENTS, 'id = ?', [a.id]);
  let takeAssessment = false;
  if (!localAssessment) {
    takeAssessment = true;
    plan.assessment = { row: assessmentRow, op: 'insert' };
    add(
      'assessment',
      a.id,
      label,
      'new',
      `revision ${a.revision}, ${a.status.replace('-', ' ')}${a.basedOn && !basedOn ? `; it was based on ${a.basedOn}, which is not in your records` : ''}`,
    );
  } else if (
    localAssessment.provider_id !== a.providerId ||
    localAssessment.kind !== a.kind ||
    localAssessment.framework_id !== a.frameworkId ||
    localAssessment.framework_version !== a.frameworkVersion
  ) {
    add(
      'assessment',
      a.id,
      label,
      'conflict',
      'a different assessment with the same id is in your records',
    );
  } else {
    const ours = Number(localAssessment.revision);
    if (a.revision < ours) {
      add(
        'assessment',
        a.id,
        label,
        'conflict',
        `the bundle holds revision ${a.revision}, but you already have revision ${ours}; an older revision is not imported`,
      );
    } else if (a.revision > ours) {
      takeAssessment = true;
      plan.assessment = { row: assessmentRow, op: 'replace' };
      add(
        'assessment',
        a.id,
        label,
        'changed',
        `revision ${a.revision} supersedes your revision ${ours}`,
      );
    } else {
      const differ = [
        ...differingFields(ASSESSMENTS, localAssessment, assessmentRow),
        ...sameList(
          RATINGS,
          selectRows(db, RATINGS, 'assessment_id = ?', [a.id]),
          file.ratings.map((r) => toRow(RATINGS, r)),
          'criterion',
        ).map((c) => `rating ${c}`),
        ...sameList(
          ACTIONS,
          selectRows(db, ACTIONS, 'assessment_id = ?', [a.id]),
          file.actions.map((r) => toRow(ACTIONS, r)),
          'criterion',
        ).map((c) => `action ${c}`),
        ...sameList(
          FINDINGS,
          selectRows(db, FINDINGS, 'assessment_id = ?', [a.id]),
          file.findings.map((r) => toRow(FINDINGS, r)),
          'id',
        ).map((c) => `finding ${c}`),
      ];
      if (differ.length === 0) add('assessment', a.id, label, 'unchanged', null);
      else if (String(assessmentRow.updated_at) > String(localAssessment.updated_at)) {
        takeAssessment = true;
        plan.assessment = { row: assessmentRow, op: 'replace' };
        add(
          'assessment',
          a.id,
          label,
          'changed',
          `revision ${a.revision} updated: ${fields(differ)}`,
        );
      } else {
        add(
          'assessment',
          a.id,
          label,
          'conflict',
          `your copy of revision ${ours} was changed more recently (${date(localAssessment.updated_at)}) than the bundle's (${date(assessmentRow.updated_at)}); ` +
            `they differ in ${fields(differ)}`,
        );
      }
    }
  }

  for (const r of file.revisions) {
    const row = toRow(REVISIONS, r);
    const id = `${a.id}#${r.revision}`;
    const revisionLabel = `Revision ${r.revision}${r.sealedAt ? ` (sealed ${date(r.sealedAt)})` : ' (open)'}`;
    const local = selectRow(db, REVISIONS, 'assessment_id = ? AND revision = ?', [
      a.id,
      r.revision,
    ]);
    if (!local) {
      plan.revisions.push({ row, op: 'insert' });
      add('revision', id, revisionLabel, 'new', null);
    } else if (local.sealed_at !== null) {
      if (r.sha256 === local.sha256) add('revision', id, revisionLabel, 'unchanged', null);
      else
        add(
          'revision',
          id,
          revisionLabel,
          'conflict',
          r.sha256
            ? `revision ${r.revision} was sealed differently here (${String(local.sha256).slice(0, 12)}…) than in the bundle (${r.sha256.slice(0, 12)}…)`
            : `revision ${r.revision} is already sealed here, but the bundle's copy is not`,
        );
    } else if (differingFields(REVISIONS, local, row).length === 0) {
      add('revision', id, revisionLabel, 'unchanged', null);
    } else {
      plan.revisions.push({ row, op: 'update' });
      add(
        'revision',
        id,
        revisionLabel,
        'changed',
        r.sealedAt ? 'sealed since your copy was made' : 'reopened',
      );
    }
  }

  for (const d of file.decisions) {
    const row = toRow(DECISIONS, d);
    const decisionLabel = `Decision on revision ${d.revision}: ${d.outcome}`;
    const local = selectRow(db, DECISIONS, 'id = ?', [d.id]);
    if (local) {
      if (differingFields(DECISIONS, local, row).length === 0)
        add('decision', d.id, decisionLabel, 'unchanged', null);
      else
        add(
          'decision',
          d.id,
          decisionLabel,
          'conflict',
          'your copy of this decision differs; a decision never changes',
        );
      continue;
    }
    const other = db
      .prepare('SELECT id FROM decisions WHERE assessment_id = ? AND revision = ?')
      .get(a.id, d.revision) as { id: string } | undefined;
    if (other)
      add(
        'decision',
        d.id,
        decisionLabel,
        'conflict',
        `you already have a different decision (${other.id}) on revision ${d.revision}`,
      );
    else {
      plan.decisions.push(row);
      add('decision', d.id, decisionLabel, 'new', null);
    }
  }
  return takeAssessment;
}
