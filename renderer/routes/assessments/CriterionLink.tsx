import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { criterionPath } from './criterion-links';

/** A link that lands on one criterion of an assessment's rating screen, not just its domain. */
export function CriterionLink({
  assessmentId,
  code,
  children = code,
}: {
  assessmentId: string;
  code: string;
  children?: ReactNode;
}) {
  return (
    <Link to={criterionPath({ assessmentId, code })} state={{ criterion: code }}>
      {children}
    </Link>
  );
}
