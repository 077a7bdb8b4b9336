/**
 * What went wrong with something just tried, read out as it appears; nothing when all is well.
 * A `notice` stands on its own in a panel; otherwise it is a line beside the control.
 */
export function ProblemMessage({ problem, notice = false }: { problem: string; notice?: boolean }) {
  if (!problem) return null;
  return (
    <p role="alert" className={notice ? 'notice notice-error' : 'error-message'}>
      {problem}
    </p>
  );
}
