import { z } from 'zod';

export const RATINGS = ['met', 'partial', 'not-met', 'na'] as const;
export type RatingValue = (typeof RATINGS)[number];
export const RATING_LABELS: Record<RatingValue, string> = {
  met: 'Met',
  partial: 'Partially met',
  'not-met': 'Not met',
  na: 'Not applicable',
};

export const OUTCOMES = ['accredited', 'conditional', 'not-accredited'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  accredited: 'Accredited',
  conditional: 'Accredited with conditions',
  'not-accredited': 'Not yet accredited',
};

export const ratingValueSchema = z.enum(RATINGS, {
  message: `a rating is one of ${RATINGS.join(', ')}`,
});

/** Accepts the CLI and CSV spellings as well as the labels people type. */
export function parseRatingWord(raw: string): RatingValue | undefined {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const aliases: Record<string, RatingValue> = {
    met: 'met',
    partial: 'partial',
    'partially-met': 'partial',
    'not-met': 'not-met',
    notmet: 'not-met',
    na: 'na',
    'n/a': 'na',
    'not-applicable': 'na',
  };
  return aliases[key];
}
