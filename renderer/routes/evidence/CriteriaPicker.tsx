import { describedBy, ErrorText } from '../../components/Field';
import { criterionKey } from '../assessments/criterion-links';

export interface CriterionChoice {
  code: string;
  statement: string;
  essential: boolean;
}

export interface DomainChoices {
  code: string;
  title: string;
  criteria: CriterionChoice[];
}

/**
 * Which criteria a piece of evidence supports: a checkbox per criterion the assessment asks,
 * grouped by domain so each group's legend gives its checkboxes context.
 */
export function CriteriaPicker({
  prefix,
  domains,
  selected,
  onChange,
  error,
}: {
  prefix: string;
  domains: DomainChoices[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}) {
  const chosen = new Set(selected);
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    // Kept in framework order, whatever order they were ticked in.
    onChange(
      domains
        .flatMap((domain) => domain.criteria.map((criterion) => criterion.code))
        .filter((code) => next.has(code)),
    );
  };
  return (
    <fieldset
      id={`field-${prefix}-criteria`}
      tabIndex={-1}
      className={`fieldset criteria-picker${error ? ' field-error' : ''}`}
      aria-describedby={describedBy(`hint-${prefix}-criteria`, error && `error-${prefix}-criteria`)}
    >
      <legend>Criteria this evidence supports</legend>
      <p className="hint" id={`hint-${prefix}-criteria`}>
        {selected.length === 0 ? 'None chosen yet.' : `Chosen: ${selected.join(', ')}.`}
      </p>
      <ErrorText id={`error-${prefix}-criteria`} error={error} />
      <div className="criteria-picker-scroll">
        {domains.map((domain) => (
          <fieldset key={domain.code} className="criteria-group">
            <legend>{domain.title}</legend>
            {domain.criteria.map((criterion) => {
              const id = `field-${prefix}-criterion-${criterionKey(criterion.code)}`;
              return (
                <div className="checkbox" key={criterion.code}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={chosen.has(criterion.code)}
                    onChange={(e) => toggle(criterion.code, e.target.checked)}
                  />
                  <label htmlFor={id}>
                    <span className="criterion-code">{criterion.code}</span> {criterion.statement}
                    {criterion.essential ? (
                      <span className="badge badge-essential">Essential</span>
                    ) : null}
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
