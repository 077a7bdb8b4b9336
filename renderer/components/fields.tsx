import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ChoosePathRequest } from '../../shared/contract/choose-path';
import { choosePath, isDesktop } from '../api/bridge';

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
      <label htmlFor={`field-${name}`} id={`field-${name}-label`}>
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
    spellCheck?: boolean;
    disabled?: boolean;
    inputRef?: RefObject<HTMLInputElement | null>;
    /** A control shown beside the text box, such as PathField's button. */
    action?: ReactNode;
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
    spellCheck,
    disabled,
    inputRef,
    action,
    hint,
    error,
    required,
  } = props;
  const input = (
    <input
      ref={inputRef}
      id={`field-${name}`}
      name={name}
      type={type}
      className={`input input-${width}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete={autoComplete ?? 'off'}
      inputMode={inputMode}
      spellCheck={spellCheck}
      aria-describedby={describedBy(name, hint, error)}
      aria-invalid={error ? true : undefined}
      required={required}
      disabled={disabled}
    />
  );
  return (
    <Frame {...props}>
      {action ? (
        <div className="input-with-action">
          {input}
          {action}
        </div>
      ) : (
        input
      )}
    </Frame>
  );
}

const CHOOSE_LABELS: Record<ChoosePathRequest['kind'], string> = {
  folder: 'Choose a folder…',
  'new-file': 'Choose where to save…',
  'existing-file': 'Choose a file…',
};

/**
 * A path on this computer: typed, or in the desktop app chosen with the system's own dialog
 * (the button beside the field). Browser mode has no such dialog for the computer's folders, so
 * there the path is typed. A cancelled dialog leaves the field as it was. After a choice, or a
 * dialog that could not open, focus goes to the field, so its new value or the problem (shown as
 * the field's error) is read out.
 */
export function PathField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    choose: Omit<ChoosePathRequest, 'title' | 'defaultPath'>;
    /**
     * Called with a path chosen in the dialog (after onChange), e.g. to note that the system's
     * save dialog has already asked whether to replace the file.
     */
    onChosen?: (path: string) => void;
    disabled?: boolean;
  },
) {
  const { name, value, onChange, choose, onChosen, disabled, label } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A dialog's failure is stale once the form is sent (by then the path was typed or kept).
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const clear = () => setProblem(null);
    form.addEventListener('submit', clear);
    return () => form.removeEventListener('submit', clear);
  }, []);
  async function pick() {
    setProblem(null);
    setChoosing(true);
    try {
      const path = await choosePath({
        ...choose,
        title: label,
        ...(value.trim() ? { defaultPath: value.trim() } : {}),
      });
      if (path === null) return;
      onChange(path);
      onChosen?.(path);
      input.current?.focus();
    } catch (e) {
      setProblem(`The dialog could not be opened: ${e instanceof Error ? e.message : String(e)}`);
      input.current?.focus();
    } finally {
      setChoosing(false);
    }
  }
  return (
    <TextField
      {...props}
      error={props.error ?? problem ?? undefined}
      onChange={(path) => {
        setProblem(null);
        onChange(path);
      }}
      spellCheck={false}
      inputRef={input}
      action={
        isDesktop() ? (
          <button
            type="button"
            className="button secondary"
            id={`choose-${name}`}
            aria-describedby={`field-${name}-label`}
            onClick={() => void pick()}
            disabled={disabled || choosing}
          >
            {CHOOSE_LABELS[choose.kind]}
          </button>
        ) : null
      }
    />
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
