import type { Database } from 'better-sqlite3';
import type { accreditationMethods } from '../../../shared/contract/accreditation';
import { isNonconformity } from '../../../shared/accreditation/vocabulary';
import { addDays } from '../../../shared/evidence/freshness';
import { DEFAULT_FRAMEWORK_ID } from '../assessments/handlers';
import {
  assertOpen,
  assertRateable,
  insertAssessment,
  refreshAssessmentSummary,
} from '../assessments/mutations';
import { assessmentFramework, getAssessment, getAssessmentDetail } from '../assessments/queries';
import { isoToday } from '../clock';
import { change, type HandlersFor } from '../context';
import { invalid, notFound, refused } from '../errors';
import { listEvidence } from '../evidence/rows';
import { getFramework } from '../frameworks/store';
import { newId } from '../ids';
import { getProvider } from '../providers/queries';
import { getDecision, sameName } from './decisions';
import { getFinding, listFindings } from './findings';
import { readProfile, writeProfile } from './profile';
import { buildSnapshot, listRevisions, snapshotHash } from './seal';

type Handlers = HandlersFor<
  Pick<
    typeof accreditationMethods,
    | 'profile.get'
    | 'profile.set'
    | 'assessments.startExternal'
    | 'findings.list'
    | 'findings.save'
    | 'findings.delete'
    | 'assessments.sealPreview'
    | 'assessments.submit'
    | 'assessments.revise'
    | 'assessments.revisions'
    | 'decisions.record'
    | 'decisions.get'
  >
>;

export const accreditationHandlers: Handlers = {
  'profile.get': (_input, ctx) => readProfile(ctx.db),
  'profile.set': (input, ctx) =>
    change(ctx, (_now, audit) => {
      writeProfile(ctx.db, input);
      audit({ action: 'profile.set', entityType: 'profile', entityId: 'local', detail: input });
      return input;
    }),

  'assessments.startExternal': (input, ctx) =>
    change(ctx, (now, audit) => {
      const provider = getProvider(ctx.db, input.providerId);
      if (provider.archivedAt)
        throw refused(`${provider.name} is archived; restore it before assessing it`);
      let frameworkId = input.frameworkId ?? DEFAULT_FRAMEWORK_ID;
      let frameworkVersion = input.frameworkVersion;
      if (input.fromAssessmentId) {
        const self = getAssessment(ctx.db, input.fromAssessmentId);
        if (self.providerId !== provider.id)
          throw invalid(`assessment ${self.id} is not of ${provider.name}`);
        if (self.kind !== 'self') throw invalid(`assessment ${self.id} is not a self-assessment`);
        // Assessed against the same standards the provider assessed itself against.
        frameworkId = self.frameworkId;
        frameworkVersion = self.frameworkVersion;
      }
      const { framework } = getFramework(ctx.db, frameworkId, frameworkVersion);
      const id = insertAssessment(
        ctx.db,
        { providerId: provider.id, kind: 'external', framework, providerType: provider.type },
        { actor: ctx.actor, now },
      );
      const conflict = input.declaration.kind === 'conflict' ? input.declaration.text : null;
      ctx.db
        .prepare('UPDATE assessments SET assessor = ?, based_on = ?, conflict = ? WHERE id = ?')
        .run(input.assessor, input.fromAssessmentId ?? null, conflict, id);
      audit({
        action: conflict ? 'assessment.blocked-by-conflict' : 'assessment.started',
        entityType: 'assessment',
        entityId: id,
        detail: {
          providerId: provider.id,
          kind: 'external',
          assessor: input.assessor,
          basedOn: input.fromAssessmentId ?? null,
          declaration: input.declaration,
          framework: `${framework.id}@${framework.version}`,
        },
      });
      return getAssessment(ctx.db, id);
    }),

  'findings.list': (input, ctx) => {
    getAssessment(ctx.db, input.assessmentId);
    return listFindings(ctx.db, input.assessmentId);
  },
  'findings.save': (input, ctx) =>
    change(ctx, (now, audit) => {
      const assessment = getAssessment(ctx.db, input.assessmentId);
      if (assessment.kind !== 'external') throw refused('findings belong to external assessments');
      assertOpen(assessment);
      const criterion = input.criterion.toUpperCase();
      assertRateable(assessmentFramework(ctx.db, assessment), assessment, criterion);
      const nc = isNonconformity(input.type);
      const values = {
        criterion,
        type: input.type,
        text: input.text,
        action: nc ? (input.action ?? null) : null,
        actionOwner: nc ? (input.actionOwner ?? null) : null,
        actionDue: nc ? (input.actionDue ?? null) : null,
        now,
      };
      let id = input.id;
      if (id) {
        const before = getFinding(ctx.db, id);
        if (before.assessmentId !== assessment.id)
          throw invalid(`finding ${id} belongs to another assessment`);
        ctx.db
          .prepare(
            `UPDATE findings SET criterion = @criterion, type = @type, text = @text, action = @action,
               action_owner = @actionOwner, action_due = @actionDue, updated_at = @now WHERE id = @id`,
          )
          .run({ ...values, id });
      } else {
        id = newId('fnd');
        ctx.db
          .prepare(
            `INSERT INTO findings (id, assessment_id, criterion, type, text, action, action_owner, action_due,
               created_at, created_by, updated_at)
             VALUES (@id, @assessmentId, @criterion, @type, @text, @action, @actionOwner, @actionDue, @now, @actor, @now)`,
          )
          .run({ ...values, id, assessmentId: assessment.id, actor: ctx.actor });
      }
      refreshAssessmentSummary(ctx.db, assessment, now);
      ctx.db
        .prepare("UPDATE assessments SET status = 'in-progress' WHERE id = ? AND status = 'draft'")
        .run(assessment.id);
      audit({
        action: 'finding.saved',
        entityType: 'assessment',
        entityId: assessment.id,
        detail: { id, ...values },
      });
      return getFinding(ctx.db, id);
    }),
  'findings.delete': (input, ctx) =>
    change(ctx, (_now, audit) => {
      const finding = getFinding(ctx.db, input.id);
      assertOpen(getAssessment(ctx.db, finding.assessmentId));
      ctx.db.prepare('DELETE FROM findings WHERE id = ?').run(input.id);
      audit({
        action: 'finding.deleted',
        entityType: 'assessment',
        entityId: finding.assessmentId,
        detail: finding,
      });
      return { deleted: true };
    }),

  'assessments.sealPreview': (input, ctx) => sealPreview(ctx.db, input.id),
  'assessments.submit': (input, ctx) =>
    change(ctx, (now, audit) => {
      const preview = sealPreview(ctx.db, input.id);
      if (preview.blockers.length > 0)
        throw refused(
          `assessment ${input.id} cannot be submitted: ${preview.blockers.join('; ')}`,
          { blockers: preview.blockers },
        );
      const assessment = preview.assessment;
      const snapshot = buildSnapshot(ctx.db, assessment, { actor: ctx.actor, now });
      const sha256 = snapshotHash(snapshot);
      ctx.db
        .prepare(
          `UPDATE assessment_revisions SET sealed_at = ?, sealed_by = ?, snapshot = ?, sha256 = ?
           WHERE assessment_id = ? AND revision = ?`,
        )
        .run(now, ctx.actor, JSON.stringify(snapshot), sha256, assessment.id, assessment.revision);
      ctx.db
        .prepare(
          "UPDATE assessments SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ?",
        )
        .run(now, now, assessment.id);
      ctx.db
        .prepare(
          'UPDATE evidence SET sealed_at = ? WHERE assessment_id = ? AND removed_at IS NULL AND sealed_at IS NULL',
        )
        .run(now, assessment.id);
      audit({
        action: 'assessment.submitted',
        entityType: 'assessment',
        entityId: assessment.id,
        detail: { revision: assessment.revision, sha256 },
      });
      const revision = listRevisions(ctx.db, assessment.id).find(
        (r) => r.revision === assessment.revision,
      );
      if (!revision) throw notFound('revision', String(assessment.revision));
      return { revision, assessment: getAssessment(ctx.db, assessment.id) };
    }),
  'assessments.revise': (input, ctx) =>
    change(ctx, (now, audit) => {
      const assessment = getAssessment(ctx.db, input.id);
      if (assessment.status !== 'submitted' && assessment.status !== 'decided') {
        throw refused(
          `assessment ${assessment.id} is ${assessment.status}; only a submitted assessment gets a new revision`,
        );
      }
      const next = assessment.revision + 1;
      ctx.db
        .prepare(
          'INSERT INTO assessment_revisions (assessment_id, revision, opened_at, opened_by, reason) VALUES (?, ?, ?, ?, ?)',
        )
        .run(assessment.id, next, now, ctx.actor, input.reason);
      ctx.db
        .prepare(
          "UPDATE assessments SET revision = ?, status = 'in-progress', submitted_at = NULL, updated_at = ? WHERE id = ?",
        )
        .run(next, now, assessment.id);
      audit({
        action: 'assessment.revision-opened',
        entityType: 'assessment',
        entityId: assessment.id,
        detail: { revision: next, reason: input.reason },
      });
      const revision = listRevisions(ctx.db, assessment.id).find((r) => r.revision === next);
      if (!revision) throw notFound('revision', String(next));
      return { revision, assessment: getAssessment(ctx.db, assessment.id) };
    }),
  'assessments.revisions': (input, ctx) => {
    getAssessment(ctx.db, input.id);
    return listRevisions(ctx.db, input.id);
  },

  'decisions.record': (input, ctx) =>
    change(ctx, (now, audit) => {
      const assessment = getAssessment(ctx.db, input.assessmentId);
      if (assessment.kind !== 'external')
        throw refused('decisions are made on external assessments');
      if (assessment.status === 'decided')
        throw refused(
          `assessment ${assessment.id} already has a decision for revision ${assessment.revision}`,
        );
      if (assessment.status !== 'submitted') {
        throw refused(
          `assessment ${assessment.id} is ${assessment.status}; a decision needs a submitted assessment`,
        );
      }
      if (assessment.assessor && sameName(assessment.assessor, input.decidedBy)) {
        throw refused(
          `${input.decidedBy} assessed this provider, so cannot decide on it: the decision is made by people who did not assess`,
          {
            field: 'decidedBy',
          },
        );
      }
      const rules = assessmentFramework(ctx.db, assessment).outcomeRules;
      if (input.outcome === 'conditional' && input.conditionsDue) {
        const today = isoToday(ctx.clock);
        const latest = addDays(today, rules.conditionsDueWithinDays);
        if (input.conditionsDue <= today || input.conditionsDue > latest) {
          throw invalid(
            `conditions must be due after today and by ${latest} (within ${rules.conditionsDueWithinDays} days)`,
            { field: 'conditionsDue' },
          );
        }
      }
      const recommended = getAssessmentDetail(ctx.db, assessment.id).readiness.outcome;
      const id = newId('dec');
      ctx.db
        .prepare(
          `INSERT INTO decisions (id, assessment_id, revision, outcome, recommended_outcome, conditions, conditions_due, reasons,
             decided_by, decided_at)
           VALUES (@id, @assessmentId, @revision, @outcome, @recommended, @conditions, @conditionsDue, @reasons, @decidedBy, @now)`,
        )
        .run({
          id,
          assessmentId: assessment.id,
          revision: assessment.revision,
          outcome: input.outcome,
          recommended,
          conditions: input.conditions ?? null,
          conditionsDue: input.conditionsDue ?? null,
          reasons: input.reasons ?? null,
          decidedBy: input.decidedBy,
          now,
        });
      ctx.db
        .prepare("UPDATE assessments SET status = 'decided', updated_at = ? WHERE id = ?")
        .run(now, assessment.id);
      audit({
        action: 'decision.recorded',
        entityType: 'assessment',
        entityId: assessment.id,
        detail: { decisionId: id, ...input, recommended, revision: assessment.revision },
      });
      const decision = getDecision(ctx.db, assessment.id);
      if (!decision) throw notFound('decision', id);
      return decision;
    }),
  'decisions.get': (input, ctx) => {
    getAssessment(ctx.db, input.assessmentId);
    return getDecision(ctx.db, input.assessmentId);
  },
};

/** What submitting would seal, and anything that stops it. */
function sealPreview(db: Database, id: string) {
  const detail = getAssessmentDetail(db, id);
  const assessment = detail.assessment;
  const rated = new Set(detail.ratings.map((r) => r.criterion));
  const unrated = detail.applicableCodes.filter((c) => !rated.has(c));
  const findings = listFindings(db, id);
  const count = (t: string) => findings.filter((f) => f.type === t).length;
  const blockers: string[] = [];
  if (assessment.conflict) blockers.push('the assessor declared a conflict of interest');
  if (assessment.status === 'submitted' || assessment.status === 'decided')
    blockers.push(`it is already ${assessment.status}`);
  if (unrated.length > 0)
    blockers.push(
      `${unrated.length} criteria are not rated (${unrated.slice(0, 5).join(', ')}${unrated.length > 5 ? ', …' : ''})`,
    );
  return {
    assessment,
    revision: assessment.revision,
    framework: `${assessment.frameworkId}@${assessment.frameworkVersion}`,
    rated: detail.readiness.rated,
    applicable: detail.readiness.applicable,
    unrated,
    findings: {
      observation: count('observation'),
      goodPractice: count('good-practice'),
      minor: count('minor-nc'),
      major: count('major-nc'),
    },
    evidence: listEvidence(db, id, false).map((e) => ({
      id: e.id,
      title: e.title,
      sha256: e.sha256,
      url: e.url,
    })),
    readiness: detail.readiness,
    blockers,
  };
}
