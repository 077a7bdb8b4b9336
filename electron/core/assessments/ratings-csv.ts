import type { CsvProblem } from '../../../shared/contract/providers';
import { parseRatingWord } from '../../../shared/assessment/ratings';
import { rateInputSchema, type AssessmentSummary } from '../../../shared/assessment/schema';
import type { Framework } from '../../../shared/framework/schema';
import { csvFault, readCsv } from '../csv/read';
import { AppError } from '../errors';
import {
  assertRateable,
  checkEvidenceForMet,
  checkRatingChange,
  type RatingChange,
} from './mutations';

export const RATINGS_CSV_COLUMNS = {
  required: ['criterion', 'rating'],
  optional: ['note', 'reason', 'override_reason'],
} as const;

/** Checks every row of a ratings CSV against the pinned framework; any problem refuses the file. */
export function parseRatingsCsv({
  text,
  fileName,
  framework,
  assessment,
  currentEvidence,
  onDate,
}: {
  text: string;
  fileName: string;
  framework: Framework;
  assessment: AssessmentSummary;
  /** How many pieces of evidence for a criterion are current on `onDate`. */
  currentEvidence: (criterion: string) => number;
  onDate: string;
}): RatingChange[] {
  const rows = readCsv(text, fileName, RATINGS_CSV_COLUMNS);
  const problems: CsvProblem[] = [];
  const changes: RatingChange[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const criterion = (values.criterion ?? '').toUpperCase();
    const rating = parseRatingWord(values.rating ?? '');
    const change: RatingChange = {
      criterion,
      rating: rating ?? null,
      note: values.note || null,
      reason: values.reason || null,
      overrideReason: values.override_reason || null,
    };
    const earlier = seen.get(criterion);
    if (earlier !== undefined) {
      problems.push({
        line,
        column: 'criterion',
        message: `${criterion} is also rated on line ${earlier}`,
      });
      continue;
    }
    seen.set(criterion, line);
    // The same limits as rating one criterion in the app: a CSV is no way round them.
    const texts = rateInputSchema
      .pick({ note: true, reason: true, overrideReason: true })
      .safeParse({
        note: change.note,
        reason: change.reason,
        overrideReason: change.overrideReason,
      });
    if (!texts.success) {
      for (const issue of texts.error.issues) {
        const field = String(issue.path[0]);
        problems.push({
          line,
          column: field === 'overrideReason' ? 'override_reason' : field,
          message: issue.message,
        });
      }
      continue;
    }
    try {
      assertRateable(framework, assessment, criterion);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ line, column: 'criterion', message: error.message });
      continue;
    }
    if (!rating) {
      problems.push({
        line,
        column: 'rating',
        message: `"${values.rating ?? ''}" is not met, partial, not-met or na`,
      });
      continue;
    }
    try {
      checkRatingChange(change);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ line, column: 'reason', message: error.message });
      continue;
    }
    try {
      checkEvidenceForMet(framework, change, () => currentEvidence(criterion), onDate);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ line, column: 'override_reason', message: error.message });
      continue;
    }
    changes.push(change);
  }
  if (rows.length === 0)
    problems.push({ line: 2, column: '', message: 'the file has a header but no rows' });
  if (problems.length > 0) throw csvFault(fileName, problems);
  return changes;
}
