import { outcomeBadgeClass, outcomeLabel } from './labels';

/** An outcome in words, in a badge whose colour only repeats them. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className={outcomeBadgeClass(outcome)}>{outcomeLabel(outcome)}</span>;
}
