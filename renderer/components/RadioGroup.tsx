import type { ReactNode } from 'react';

/**
 * A set of radio buttons under one legend. The first option carries the id `field-NAME`, so an
 * error summary's link to the question lands on it (a fieldset itself cannot take focus).
 */
export function RadioGroup<T extends string>({
  name,
  legend,
  hint,
  error,
  value,
  options,
  labels,
  optionHints,
  onChange,
  inline = false,
  disabled = false,
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: string;
  error?: string | undefined;
  value: T | '';
  options: readonly T[];
  labels: Record<T, string>;
  /** A line under an option saying what choosing it means. */
  optionHints?: Partial<Record<T, string>>;
  onChange: (value: T) => void;
  inline?: boolean;
  disabled?: boolean;
  /** Shown after the options, e.g. a field that a choice reveals. */
  children?: ReactNode;
}) {
  const described = [hint ? `hint-${name}` : null, error ? `error-${name}` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`fieldset radio-group${inline ? ' inline-radios' : ''}${error ? ' field-error' : ''}`}
      aria-describedby={described || undefined}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={`error-${name}`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {options.map((o, i) => {
        const id = i === 0 ? `field-${name}` : `field-${name}-${o}`;
        const optionHint = optionHints?.[o];
        return (
          <div className="radio" key={o}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o}
              checked={value === o}
              onChange={() => onChange(o)}
              aria-describedby={optionHint ? `${id}-hint` : undefined}
            />
            <label htmlFor={id}>{labels[o]}</label>
            {optionHint ? (
              <p className="hint radio-hint" id={`${id}-hint`}>
                {optionHint}
              </p>
            ) : null}
          </div>
        );
      })}
      {children}
    </fieldset>
  );
}
