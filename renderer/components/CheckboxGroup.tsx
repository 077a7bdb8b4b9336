import type { ReactNode } from 'react';
import { ErrorText } from './Field';

/**
 * Several options, any of them ticked, under one legend and hint. The first checkbox carries the
 * id `field-NAME-FIRST`, so an error summary links to it with the field `NAME-FIRST` (see
 * firstOptionField). The choice keeps the options' order, whatever order they were ticked in.
 */
export function CheckboxGroup<T extends string>({
  name,
  legend,
  hint,
  error,
  options,
  labelOf,
  chosen,
  onChange,
  disabled,
}: {
  name: string;
  legend: string;
  hint: ReactNode;
  error: string | undefined;
  options: readonly T[];
  labelOf: (option: T) => ReactNode;
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  disabled: boolean;
}) {
  const toggle = (option: T, on: boolean) =>
    onChange(options.filter((other) => (other === option ? on : chosen.includes(other))));
  return (
    <fieldset className="fieldset" aria-describedby={`hint-${name}`}>
      <legend>{legend}</legend>
      <p className="hint" id={`hint-${name}`}>
        {hint}
      </p>
      <ErrorText error={error} />
      {options.map((option) => (
        <div className="field checkbox" key={option}>
          <input
            id={`field-${name}-${option}`}
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(e) => toggle(option, e.target.checked)}
            disabled={disabled}
          />
          <label htmlFor={`field-${name}-${option}`}>{labelOf(option)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The field a group's error is reported against: its first checkbox, which the summary focuses. */
export const firstOptionField = (name: string, options: readonly string[]) =>
  `${name}-${options[0] ?? ''}`;
