import { capitalise } from '../../components/text';

/** Why the outcome is no higher, one reason a line, as the readiness rules word them. */
export function ReadinessReasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul>
      {reasons.map((reason) => (
        <li key={reason}>{capitalise(reason)}</li>
      ))}
    </ul>
  );
}
