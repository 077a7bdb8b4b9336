import type { Progress } from '../../../shared/result';
import { formatBytes } from '../../components/bytes';
import type { FieldError } from '../../components/ErrorSummary';
import { fieldErrorsFrom } from '../../components/problems';
import { sentence } from '../../components/text';

/** The tables a backup counts, as people call their records. */
const RECORD_LABELS: Record<string, string> = {
  providers: 'Providers',
  services: 'Services and activities',
  assessments: 'Assessments',
  ratings: 'Ratings',
  evidence: 'Evidence records',
  decisions: 'Decisions',
  certificates: 'Certificates',
  audit_log: 'Audit trail entries',
};

export function recordLabel(table: string): string {
  return RECORD_LABELS[table] ?? sentence(table.replace(/_/g, ' ')).replace(/\.$/, '');
}

/**
 * What a progress event says: bytes for the phases that count them, and for the restore's own
 * steps (closing and reopening the records, reported as steps of four) just what is happening.
 */
export function progressText(progress: Progress | null): string {
  if (!progress) return 'Starting…';
  const { done, total } = progress;
  const phase = sentence(progress.phase).replace(/\.$/, '');
  if (progress.phase === 'checking the backup' || progress.phase === 'writing the archive')
    return `${phase}: ${formatBytes(done)} of ${formatBytes(total)}`;
  if (total <= 4) return `${phase}…`;
  return `${phase}: ${Math.floor((100 * done) / (total || 1))}%`;
}

/**
 * The core's refusal of a path, as errors against the one field that names it, made sentences
 * (its messages are clauses for the command line), after `lead` if one is given.
 */
export function pathErrors(
  error: unknown,
  { field, lead = '' }: { field: string; lead?: string },
): FieldError[] {
  return fieldErrorsFrom(error).map(({ message }) => ({
    field,
    message: sentence(lead ? `${lead}: ${message}` : message),
  }));
}

/** "/home/sam/Documents/spqa-2026-05-01.zip", in the form paths take on this computer. */
export function examplePath(dataDir: string): string {
  const today = new Date().toLocaleDateString('en-CA');
  return /^[A-Za-z]:\\/.test(dataDir)
    ? `C:\\Users\\you\\Documents\\spqa-${today}.zip`
    : `/home/you/Documents/spqa-${today}.zip`;
}
