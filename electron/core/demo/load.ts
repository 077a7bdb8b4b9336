import type { RatingValue } from '../../../shared/assessment/ratings';
import { applicableCriteria } from '../../../shared/framework/traverse';
import { providerInputSchema, serviceInputSchema } from '../../../shared/providers/schema';
import { DEFAULT_FRAMEWORK_ID } from '../assessments/handlers';
import {
  insertAssessment,
  refreshAssessmentSummary,
  upsertAction,
  writeRating,
} from '../assessments/mutations';
import { getAssessment } from '../assessments/queries';
import { change, type CoreContext } from '../context';
import { getFramework } from '../frameworks/store';
import { insertProvider, insertService } from '../providers/mutations';
import { DEMO_PROVIDERS } from './data';

const DEMO_FLAG = 'demo_loaded_at';

/** A deterministic spread of ratings so the demo looks the same on every machine. */
function demoRating(index: number, strength: 'strong' | 'mixed' | 'early'): RatingValue {
  const pattern: Record<typeof strength, RatingValue[]> = {
    strong: ['met', 'met', 'met', 'met', 'met', 'met', 'partial', 'met', 'met', 'met'],
    mixed: ['met', 'partial', 'met', 'not-met', 'met', 'partial', 'met', 'met', 'partial', 'met'],
    early: [
      'partial',
      'not-met',
      'met',
      'partial',
      'not-met',
      'partial',
      'met',
      'not-met',
      'partial',
      'met',
    ],
  };
  return pattern[strength][index % 10] ?? 'met';
}

/** Loads the demo organisations once; a second call changes nothing. */
export function loadDemo(ctx: CoreContext): {
  providers: number;
  assessments: number;
  skipped: boolean;
} {
  return change(ctx, (now, audit) => {
    if (ctx.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(DEMO_FLAG)) {
      return { providers: 0, assessments: 0, skipped: true };
    }
    const { framework } = getFramework(ctx.db, DEFAULT_FRAMEWORK_ID);
    let providers = 0;
    let assessments = 0;
    for (const demo of DEMO_PROVIDERS) {
      const fields = providerInputSchema.parse(demo.provider);
      if (
        fields.charityNumber &&
        ctx.db.prepare('SELECT 1 FROM providers WHERE charity_number = ?').get(fields.charityNumber)
      ) {
        continue;
      }
      const providerId = insertProvider(ctx.db, fields, now);
      audit({
        action: 'provider.created',
        entityType: 'provider',
        entityId: providerId,
        detail: { demo: true },
      });
      providers += 1;
      for (const service of demo.services)
        insertService(ctx.db, providerId, serviceInputSchema.parse(service), now);
      if (!demo.selfAssessment) continue;

      const assessmentId = insertAssessment(
        ctx.db,
        { providerId, kind: 'self', framework, providerType: fields.type },
        ctx.actor,
        now,
      );
      const criteria = applicableCriteria(framework, fields.type);
      const toRate = Math.round(criteria.length * demo.selfAssessment.ratedShare);
      criteria.slice(0, toRate).forEach(({ criterion }, i) => {
        const rating =
          criterion.code === 'OL1.3'
            ? 'na'
            : demoRating(i, demo.selfAssessment?.strength ?? 'mixed');
        writeRating(
          ctx.db,
          assessmentId,
          {
            criterion: criterion.code,
            rating,
            note:
              rating === 'met'
                ? null
                : 'Discussed at the last trustees meeting; evidence being gathered.',
            reason:
              rating === 'na'
                ? 'We use only free outcome measures (ONS4), so no licence is needed.'
                : null,
          },
          ctx.actor,
          now,
        );
        if (rating === 'not-met' || rating === 'partial') {
          const due = new Date(Date.parse(now) + (30 + i * 7) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          upsertAction(
            ctx.db,
            assessmentId,
            {
              criterion: criterion.code,
              description: `Close the gap on ${criterion.code}: agree the change at the next team meeting and record it.`,
              owner: fields.contacts[0]?.name ?? 'Service manager',
              dueDate: due,
              status: 'open',
            },
            now,
          );
        }
      });
      refreshAssessmentSummary(ctx.db, getAssessment(ctx.db, assessmentId), now);
      audit({
        action: 'assessment.started',
        entityType: 'assessment',
        entityId: assessmentId,
        detail: { demo: true },
      });
      assessments += 1;
    }
    ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(DEMO_FLAG, now);
    return { providers, assessments, skipped: false };
  });
}
