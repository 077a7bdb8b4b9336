import type { assessmentMethods } from '../../../shared/contract/assessments';
import { change, type HandlersFor } from '../context';
import { notFound, refused } from '../errors';
import { getFramework, listFrameworks } from '../frameworks/store';
import { getProvider } from '../providers/queries';
import { actionFromRow, ratingFromRow, type ActionRow, type RatingRow } from './rows';
import {
  assertOpen,
  assertRateable,
  checkEvidenceForMet,
  checkRatingChange,
  insertAssessment,
  refreshAssessmentSummary,
  upsertAction,
  writeRating,
} from './mutations';
import {
  assessmentFramework,
  getAssessment,
  getAssessmentDetail,
  listAssessmentSummaries,
} from './queries';
import { parseRatingsCsv } from './ratings-csv';
import { assessmentDate } from './dates';
import { currentEvidenceCount } from '../evidence/currency';

export const DEFAULT_FRAMEWORK_ID = 'spqa-national';

export const assessmentHandlers: HandlersFor<typeof assessmentMethods> = {
  'assessments.start': (input, ctx) =>
    change(ctx, (now, audit) => {
      const provider = getProvider(ctx.db, input.providerId);
      if (provider.archivedAt)
        throw refused(`${provider.name} is archived; restore it before assessing it`);
      const frameworkId =
        input.frameworkId ??
        (listFrameworks(ctx.db).some((f) => f.id === DEFAULT_FRAMEWORK_ID)
          ? DEFAULT_FRAMEWORK_ID
          : listFrameworks(ctx.db)[0]?.id);
      if (!frameworkId) throw refused('no framework is installed; import one first');
      const { framework } = getFramework(ctx.db, frameworkId, input.frameworkVersion);
      const id = insertAssessment(
        ctx.db,
        { providerId: provider.id, kind: input.kind, framework, providerType: provider.type },
        { actor: ctx.actor, now },
      );
      const assessment = getAssessment(ctx.db, id);
      refreshAssessmentSummary(ctx.db, assessment, now);
      audit({
        action: 'assessment.started',
        entityType: 'assessment',
        entityId: id,
        detail: {
          providerId: provider.id,
          kind: input.kind,
          framework: `${framework.id}@${framework.version}`,
        },
      });
      return getAssessment(ctx.db, id);
    }),
  'assessments.list': (input, ctx) => listAssessmentSummaries(ctx.db, input),
  'assessments.get': (input, ctx) => getAssessmentDetail(ctx.db, input.id),
  'assessments.rate': (input, ctx) =>
    change(ctx, (now, audit) => {
      const assessment = getAssessment(ctx.db, input.id);
      assertOpen(assessment);
      const criterion = input.criterion.toUpperCase();
      const framework = assessmentFramework(ctx.db, assessment);
      assertRateable(framework, assessment, criterion);
      const rating = {
        criterion,
        rating: input.rating,
        note: input.note ?? null,
        reason: input.reason ?? null,
        overrideReason: input.overrideReason ?? null,
      };
      checkRatingChange(rating);
      const onDate = assessmentDate(assessment, ctx.clock);
      checkEvidenceForMet(
        framework,
        rating,
        () => currentEvidenceCount(ctx.db, { assessmentId: assessment.id, criterion, onDate }),
        onDate,
      );
      const previous = writeRating(ctx.db, assessment.id, rating, { actor: ctx.actor, now });
      audit({
        action: input.rating === null ? 'assessment.rating-cleared' : 'assessment.rated',
        entityType: 'assessment',
        entityId: assessment.id,
        detail: { ...rating, previous },
      });
      const readiness = refreshAssessmentSummary(ctx.db, assessment, now);
      const row = ctx.db
        .prepare('SELECT * FROM ratings WHERE assessment_id = ? AND criterion = ?')
        .get(assessment.id, criterion) as RatingRow | undefined;
      return { rating: row ? ratingFromRow(row) : null, readiness };
    }),
  'assessments.importRatings': (input, ctx) => {
    const assessment = getAssessment(ctx.db, input.id);
    assertOpen(assessment);
    const onDate = assessmentDate(assessment, ctx.clock);
    const changes = parseRatingsCsv({
      text: input.csv,
      fileName: input.fileName,
      framework: assessmentFramework(ctx.db, assessment),
      assessment,
      currentEvidence: (criterion) =>
        currentEvidenceCount(ctx.db, { assessmentId: assessment.id, criterion, onDate }),
      onDate,
    });
    return change(ctx, (now, audit) => {
      for (const rating of changes) {
        const previous = writeRating(ctx.db, assessment.id, rating, { actor: ctx.actor, now });
        audit({
          action: 'assessment.rated',
          entityType: 'assessment',
          entityId: assessment.id,
          detail: { ...rating, previous, importedFrom: input.fileName },
        });
      }
      return {
        applied: changes.length,
        readiness: refreshAssessmentSummary(ctx.db, assessment, now),
      };
    });
  },
  'actions.save': (input, ctx) =>
    change(ctx, (now, audit) => {
      const assessment = getAssessment(ctx.db, input.assessmentId);
      assertOpen(assessment);
      const criterion = input.criterion.toUpperCase();
      assertRateable(assessmentFramework(ctx.db, assessment), assessment, criterion);
      const { assessmentId: _ignored, ...values } = input;
      upsertAction(ctx.db, assessment.id, { ...values, criterion }, now);
      const row = ctx.db
        .prepare('SELECT * FROM improvement_actions WHERE assessment_id = ? AND criterion = ?')
        .get(assessment.id, criterion) as ActionRow;
      audit({
        action: 'action.saved',
        entityType: 'assessment',
        entityId: assessment.id,
        detail: { ...input, criterion },
      });
      return actionFromRow(row);
    }),
  'actions.delete': (input, ctx) =>
    change(ctx, (_now, audit) => {
      const row = ctx.db.prepare('SELECT * FROM improvement_actions WHERE id = ?').get(input.id) as
        ActionRow | undefined;
      if (!row) throw notFound('improvement action', input.id);
      assertOpen(getAssessment(ctx.db, row.assessment_id));
      ctx.db.prepare('DELETE FROM improvement_actions WHERE id = ?').run(input.id);
      audit({
        action: 'action.deleted',
        entityType: 'assessment',
        entityId: row.assessment_id,
        detail: actionFromRow(row),
      });
      return { deleted: true };
    }),
};
