import { Readable } from 'node:stream';
import type { RatingValue } from '../../../shared/assessment/ratings';
import { addDays } from '../../../shared/evidence/freshness';
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
import { isoToday } from '../clock';
import { change, type CoreContext } from '../context';
import { readSetting, writeSetting } from '../db/settings';
import { insertEvidence, setEvidenceCriteria, upsertBlob } from '../evidence/mutations';
import { ingestStream, storeRoot, type StoredBlob } from '../evidence/store';
import { getFramework } from '../frameworks/store';
import { insertProvider, insertService } from '../providers/mutations';
import { DEMO_PROVIDERS, type DemoProvider } from './data';
import type { Framework } from '../../../shared/framework/schema';
import { DEMO_DOCUMENTS, demoDocumentFor } from './documents';

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

/**
 * Loads the demo organisations once; a second call changes nothing. Self-assessed ones get a few
 * evidence documents, so every essential criterion rated Met stands on current evidence (and one
 * insurance certificate is close to expiry, to show the warnings).
 */
export async function loadDemo(
  ctx: CoreContext,
): Promise<{ providers: number; assessments: number; skipped: boolean }> {
  if (readSetting(ctx.db, DEMO_FLAG) !== null) {
    return { providers: 0, assessments: 0, skipped: true };
  }
  const today = isoToday(ctx.clock);
  const { framework } = getFramework(ctx.db, DEFAULT_FRAMEWORK_ID);
  const plans = DEMO_PROVIDERS.map((demo) => planRatings(framework, demo));
  // Only the documents some rating relies on are stored, so the demo leaves no orphan files.
  const files = new Map<string, StoredBlob>();
  for (const [i, plan] of plans.entries()) {
    const demo = DEMO_PROVIDERS[i];
    if (!demo) continue;
    for (const doc of DEMO_DOCUMENTS.filter((d) => plan.evidenceFor.has(d.key))) {
      const body = Readable.from([Buffer.from(doc.body(demo.provider.name))]);
      files.set(
        `${demo.provider.name}/${doc.key}`,
        await ingestStream(storeRoot(ctx.dataDir), body, null, () => undefined),
      );
    }
  }

  return change(ctx, (now, audit) => {
    const stamp = { actor: ctx.actor, now };
    if (readSetting(ctx.db, DEMO_FLAG) !== null) {
      return { providers: 0, assessments: 0, skipped: true };
    }
    let providers = 0;
    let assessments = 0;
    for (const [index, demo] of DEMO_PROVIDERS.entries()) {
      const plan = plans[index];
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
      if (!demo.selfAssessment || !plan) continue;

      const assessmentId = insertAssessment(
        ctx.db,
        { providerId, kind: 'self', framework, providerType: fields.type },
        stamp,
      );
      plan.ratings.forEach(({ code, rating }, i) => {
        writeRating(
          ctx.db,
          assessmentId,
          {
            criterion: code,
            rating,
            note:
              rating === 'met'
                ? null
                : 'Discussed at the last trustees meeting; evidence being gathered.',
            reason:
              rating === 'na'
                ? 'We use only free outcome measures (ONS4), so no licence is needed.'
                : null,
            overrideReason: null,
          },
          stamp,
        );
        if (rating === 'not-met' || rating === 'partial') {
          upsertAction(
            ctx.db,
            assessmentId,
            {
              criterion: code,
              description: `Close the gap on ${code}: agree the change at the next team meeting and record it.`,
              owner: fields.contacts[0]?.name ?? 'Service manager',
              dueDate: addDays(today, 30 + i * 7),
              status: 'open',
            },
            now,
          );
        }
      });
      for (const doc of DEMO_DOCUMENTS) {
        const codes = plan.evidenceFor.get(doc.key);
        const blob = files.get(`${demo.provider.name}/${doc.key}`);
        if (!codes || !blob) continue;
        upsertBlob(ctx.db, blob, now);
        const evidenceId = insertEvidence(
          ctx.db,
          {
            assessmentId,
            title: doc.title,
            metadata: {
              kind: doc.kind,
              effectiveDate: addDays(today, doc.effectiveInDays),
              expiryDate: doc.expiresInDays === null ? null : addDays(today, doc.expiresInDays),
              personalData: false,
              retainUntil: null,
              notes: 'Demo document',
            },
            file: { ...blob, originalName: `${doc.key}.txt` },
            url: null,
          },
          stamp,
        );
        setEvidenceCriteria(ctx.db, evidenceId, codes);
      }
      refreshAssessmentSummary(ctx.db, getAssessment(ctx.db, assessmentId), now);
      audit({
        action: 'assessment.started',
        entityType: 'assessment',
        entityId: assessmentId,
        detail: { demo: true },
      });
      assessments += 1;
    }
    writeSetting(ctx.db, DEMO_FLAG, now);
    return { providers, assessments, skipped: false };
  });
}

interface RatingPlan {
  ratings: { code: string; rating: RatingValue }[];
  /** Demo document key -> the criteria it is evidence for. */
  evidenceFor: Map<string, string[]>;
}

/** The ratings a demo organisation gives itself, worked out before anything is written. */
function planRatings(framework: Framework, demo: DemoProvider): RatingPlan {
  const plan: RatingPlan = { ratings: [], evidenceFor: new Map() };
  if (!demo.selfAssessment) return plan;
  const type = demo.provider.type;
  const criteria = applicableCriteria(framework, type);
  const toRate = Math.round(criteria.length * demo.selfAssessment.ratedShare);
  criteria.slice(0, toRate).forEach(({ criterion }, i) => {
    const rating =
      criterion.code === 'OL1.3' ? 'na' : demoRating(i, demo.selfAssessment?.strength ?? 'mixed');
    plan.ratings.push({ code: criterion.code, rating });
    if (rating === 'met' || rating === 'partial') {
      const key = demoDocumentFor(criterion.code);
      plan.evidenceFor.set(key, [...(plan.evidenceFor.get(key) ?? []), criterion.code]);
    }
  });
  return plan;
}
