import { OUTCOME_LABELS, type Outcome } from '../../shared/assessment/ratings';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../shared/assessment/schema';

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome as Outcome] ?? outcome;
}

export function statusLabel(status: string): string {
  return ASSESSMENT_STATUS_LABELS[status as AssessmentStatus] ?? status;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function outcomeBadgeClass(outcome: string): string {
  return outcome === 'accredited'
    ? 'badge badge-good'
    : outcome === 'conditional'
      ? 'badge badge-fair'
      : 'badge badge-weak';
}
