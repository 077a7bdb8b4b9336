import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { criterionCardId } from './criterion-links';

/** Moving to another domain puts focus on its heading, as arriving on a new page would. */
export function useDomainFocus(domain: string | undefined) {
  const heading = useRef<HTMLHeadingElement>(null);
  const previous = useRef(domain);
  useEffect(() => {
    if (previous.current !== domain) heading.current?.focus();
    previous.current = domain;
  }, [domain]);
  return heading;
}

/** A link to one criterion (from an expiry warning, say) lands on that criterion, not the domain. */
export function useCriterionTarget() {
  const location = useLocation();
  const target = (location.state as { criterion?: string } | null)?.criterion;
  useEffect(() => {
    if (!target) return;
    const card = document.getElementById(criterionCardId(target));
    card?.focus();
    card?.scrollIntoView({ block: 'start' });
  }, [target, location.key]);
}
