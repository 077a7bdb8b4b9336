import type { Criterion } from '../../../shared/framework/schema';

/** Whether a criterion is essential or developmental, in a badge. */
export function LevelBadge({ level }: { level: Criterion['level'] }) {
  return level === 'essential' ? (
    <span className="badge badge-essential">Essential</span>
  ) : (
    <span className="badge badge-muted">Developmental</span>
  );
}
