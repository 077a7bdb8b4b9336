import type { ReactNode } from 'react';
import { describedBy, ErrorText } from './Field';

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
  return (
    <fieldset
      className={`fieldset radio-group${inline ? ' inline-radios' : ''}${error ? ' field-error' : ''}`}
      aria-describedby={describedBy(hint && `hint-${name}`, error && `error-${name}`)}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={`error-${name}`} error={error} />
      {options.map((option, index) => {
        const id = index === 0 ? `field-${name}` : `field-${name}-${option}`;
        const optionHint = optionHints?.[option];
        return (
          <div className="radio" key={option}>
            <input
              type="radio"
              id={id}
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              aria-describedby={optionHint ? `${id}-hint` : undefined}
            />
            <label htmlFor={id}>{labels[option]}</label>
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
