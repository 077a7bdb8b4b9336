import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from '../validation/text';
import { ISO_DATE_PATTERN } from '../validation/uk';

/** Provider types a criterion can apply to; a provider of type `both` is asked every criterion that applies to either. */
export const CRITERION_SCOPES = ['link-worker', 'activity'] as const;
export type CriterionScope = (typeof CRITERION_SCOPES)[number];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
const FRAMEWORK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (min: number, max: number, what: string) =>
  z
    .string({ message: `${what} must be text` })
    .trim()
    .min(min, `${what} needs at least ${min} characters`)
    .max(max, `${what} is longer than ${max} characters`)
    // Control characters (other than line breaks and tabs) have no place in published standards
    // and can hide text from a reader; refuse them rather than carry them into certificates.
    .refine((v) => !hasControlCharacter(v), `${what} ${CONTROL_CHARACTER_MESSAGE}`);

export const criterionSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,4}\d{1,2}\.\d{1,2}$/, 'a criterion code looks like "RC2.3"'),
  statement: text(10, 400, 'statement'),
  guidance: text(10, 2000, 'guidance'),
  evidenceExamples: z
    .array(text(3, 300, 'an evidence example'))
    .min(1, 'give at least one evidence example'),
  level: z.enum(['essential', 'developmental']),
  appliesTo: z
    .array(z.enum(CRITERION_SCOPES))
    .min(1, 'a criterion must apply to at least one provider type')
    .refine((v) => new Set(v).size === v.length, 'provider types are listed twice'),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const standardSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,4}\d{1,2}$/, 'a standard code looks like "RC2"'),
  title: text(3, 200, 'title'),
  intent: text(10, 1000, 'intent'),
  criteria: z.array(criterionSchema).min(1, 'a standard needs at least one criterion'),
});
export type Standard = z.infer<typeof standardSchema>;

export const domainSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,4}$/, 'a domain code is 2 to 4 capital letters'),
  title: text(3, 200, 'title'),
  summary: text(10, 1000, 'summary'),
  standards: z.array(standardSchema).min(1, 'a domain needs at least one standard'),
});
export type Domain = z.infer<typeof domainSchema>;

const percent = z.number().min(0).max(100);

/**
 * The rules that turn ratings into a recommended outcome. Scores count Met as `met`,
 * Partially met as `partial` and Not met (or not yet rated) as 0; Not applicable is left
 * out of both sides of the sum.
 */
export const outcomeRulesSchema = z
  .strictObject({
    scoring: z.strictObject({
      met: z.literal(1),
      partial: z.number().gt(0).lt(1),
    }),
    accredited: z.strictObject({
      minOverallPercent: percent,
      minDomainPercent: percent,
    }),
    conditional: z.strictObject({
      minOverallPercent: percent,
      minDomainPercent: percent,
      maxEssentialPartiallyMet: z.number().int().min(0),
    }),
    validityYears: z.number().int().min(1).max(10),
    conditionsDueWithinDays: z.number().int().min(7).max(365),
    maxSuspensionMonths: z.number().int().min(1).max(24),
  })
  .refine(
    (r) =>
      r.conditional.minOverallPercent <= r.accredited.minOverallPercent &&
      r.conditional.minDomainPercent <= r.accredited.minDomainPercent,
    { message: 'the conditional thresholds must not be stricter than the accredited ones' },
  );
export type OutcomeRules = z.infer<typeof outcomeRulesSchema>;

export const frameworkSchema = z
  .strictObject({
    id: z.string().regex(FRAMEWORK_ID, 'an id is lower-case words joined by hyphens'),
    version: z.string().regex(SEMVER, 'a version is semantic, e.g. "1.2.0"'),
    title: text(3, 200, 'title'),
    publisher: text(2, 200, 'publisher'),
    publishedOn: z.string().regex(ISO_DATE_PATTERN, 'use the form YYYY-MM-DD'),
    summary: text(10, 2000, 'summary'),
    domains: z.array(domainSchema).min(1, 'a framework needs at least one domain'),
    outcomeRules: outcomeRulesSchema,
  })
  .superRefine((fw, ctx) => {
    const seen = new Map<string, string>();
    fw.domains.forEach((domain, d) => {
      claim(domain.code, ['domains', d, 'code']);
      domain.standards.forEach((standard, s) => {
        const sPath = ['domains', d, 'standards', s];
        claim(standard.code, [...sPath, 'code']);
        if (!standard.code.startsWith(domain.code)) {
          ctx.addIssue({
            code: 'custom',
            path: [...sPath, 'code'],
            message: `standard ${standard.code} must start with its domain code ${domain.code}`,
          });
        }
        standard.criteria.forEach((criterion, c) => {
          const cPath = [...sPath, 'criteria', c, 'code'];
          claim(criterion.code, cPath);
          if (!criterion.code.startsWith(`${standard.code}.`)) {
            ctx.addIssue({
              code: 'custom',
              path: cPath,
              message: `criterion ${criterion.code} must start with its standard code ${standard.code}.`,
            });
          }
        });
      });
    });

    function claim(code: string, path: (string | number)[]) {
      const where = path.join('.');
      const previous = seen.get(code);
      if (previous) {
        ctx.addIssue({ code: 'custom', path, message: `code ${code} is used twice` });
      } else {
        seen.set(code, where);
      }
    }
  });
export type Framework = z.infer<typeof frameworkSchema>;

export interface FrameworkRef {
  id: string;
  version: string;
}

export function frameworkKey(ref: FrameworkRef): string {
  return `${ref.id}@${ref.version}`;
}

/** Parses `id` or `id@version`. */
export function parseFrameworkKey(key: string): { id: string; version: string | null } {
  const at = key.lastIndexOf('@');
  return at > 0 ? { id: key.slice(0, at), version: key.slice(at + 1) } : { id: key, version: null };
}
