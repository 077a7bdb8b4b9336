import type { ReactNode } from 'react';

interface Common {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `hint-${name}` : null, error ? `error-${name}` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame({ name, label, hint, error, required, children }: Common & { children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={`field-${name}`}>
        {label}
        {required ? null : <span className="optional"> (optional)</span>}
      </label>
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
      {children}
    </div>
  );
}

export function TextField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'number' | 'search' | 'password';
    autoComplete?: string;
    width?: 'short' | 'medium' | 'long';
    inputMode?: 'numeric' | 'text';
  },
) {
  const {
    name,
    value,
    onChange,
    type = 'text',
    autoComplete,
    width = 'long',
    inputMode,
    hint,
    error,
    required,
  } = props;
  return (
    <Frame {...props}>
      <input
        id={`field-${name}`}
        name={name}
        type={type}
        className={`input input-${width}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        required={required}
      />
    </Frame>
  );
}

export function TextArea(
  props: Common & { value: string; onChange: (value: string) => void; rows?: number },
) {
  const { name, value, onChange, rows = 4, hint, error, required } = props;
  return (
    <Frame {...props}>
      <textarea
        id={`field-${name}`}
        name={name}
        className="input input-long"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        required={required}
      />
    </Frame>
  );
}

export function SelectField<T extends string>(
  props: Common & {
    value: T | '';
    onChange: (value: T | '') => void;
    options: readonly T[];
    labels: Record<T, string>;
    emptyLabel?: string;
  },
) {
  const { name, value, onChange, options, labels, emptyLabel, hint, error, required } = props;
  return (
    <Frame {...props}>
      <select
        id={`field-${name}`}
        name={name}
        className="input input-medium"
        value={value}
        onChange={(e) => onChange(e.target.value as T | '')}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        required={required}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckboxField({
  name,
  label,
  checked,
  onChange,
  hint,
}: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  hint?: string;
}) {
  return (
    <div className="field checkbox">
      <input
        id={`field-${name}`}
        name={name}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `hint-${name}` : undefined}
      />
      <label htmlFor={`field-${name}`}>{label}</label>
      {hint ? (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
