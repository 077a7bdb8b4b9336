import type { Progress } from '../../shared/result';

/** A labelled progress bar; the visible text repeats the value so it never relies on colour alone. */
export function ProgressBar({
  label,
  value,
  max = 100,
  text,
  id,
  hideLabel = false,
}: {
  label: string;
  value: number;
  max?: number;
  text?: string;
  id?: string;
  /** In a table the column heading already says what the bar measures. */
  hideLabel?: boolean;
}) {
  const percent = max === 0 ? 100 : Math.round((100 * value) / max);
  return (
    <div className="progress" id={id}>
      <div className="progress-label">
        <span className={hideLabel ? 'visually-hidden' : undefined}>{label}</span>
        <span>{text ?? `${percent}%`}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text ?? `${percent}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** How far a task the core reports on has got; empty until its first report. */
export function TaskProgress({
  label,
  progress,
  text,
}: {
  label: string;
  progress: Progress | null;
  text: string;
}) {
  return (
    <ProgressBar label={label} value={progress?.done ?? 0} max={progress?.total || 1} text={text} />
  );
}

/** A long task under way, in a panel of its own headed with what is happening. */
export function TaskPanel({
  id,
  heading,
  ...task
}: {
  id: string;
  heading: string;
  label: string;
  progress: Progress | null;
  text: string;
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <TaskProgress {...task} />
    </section>
  );
}
