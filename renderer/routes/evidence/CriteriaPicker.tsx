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
    onChange(domains.flatMap((d) => d.criteria.map((c) => c.code)).filter((c) => next.has(c)));
  };
  return (
    <fieldset
      id={`field-${prefix}-criteria`}
      tabIndex={-1}
      className={`fieldset criteria-picker${error ? ' field-error' : ''}`}
      aria-describedby={`hint-${prefix}-criteria${error ? ` error-${prefix}-criteria` : ''}`}
    >
      <legend>Criteria this evidence supports</legend>
      <p className="hint" id={`hint-${prefix}-criteria`}>
        {selected.length === 0 ? 'None chosen yet.' : `Chosen: ${selected.join(', ')}.`}
      </p>
      {error ? (
        <p className="error-message" id={`error-${prefix}-criteria`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="criteria-picker-scroll">
        {domains.map((d) => (
          <fieldset key={d.code} className="criteria-group">
            <legend>{d.title}</legend>
            {d.criteria.map((c) => {
              const id = `field-${prefix}-criterion-${c.code.replace('.', '-')}`;
              return (
                <div className="checkbox" key={c.code}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={chosen.has(c.code)}
                    onChange={(e) => toggle(c.code, e.target.checked)}
                  />
                  <label htmlFor={id}>
                    <span className="criterion-code">{c.code}</span> {c.statement}
                    {c.essential ? <span className="badge badge-essential">Essential</span> : null}
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
