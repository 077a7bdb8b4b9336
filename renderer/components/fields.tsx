import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { ChoosePathRequest } from '../../shared/contract/choose-path';
import { choosePath, isDesktop } from '../api/bridge';
import { describedBy, Field } from './Field';
import { useAction } from './use-action';

interface Common {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/** The ids this library gives a field called `name`: its control, label, hint and error. */
function idsOf(name: string) {
  return {
    id: `field-${name}`,
    labelId: `field-${name}-label`,
    hintId: `hint-${name}`,
    errorId: `error-${name}`,
  };
}

/** What every control here carries: its id and name, what describes it, whether it must be answered. */
function controlOf({ name, hint, error, required }: Common) {
  const { id, hintId, errorId } = idsOf(name);
  return {
    id,
    name,
    'aria-describedby': describedBy(hint && hintId, error && errorId),
    'aria-invalid': error ? true : undefined,
    required,
  };
}

function Frame({ name, label, hint, error, required, children }: Common & { children: ReactNode }) {
  return (
    <Field {...idsOf(name)} label={label} optional={!required} hint={hint} error={error}>
      {children}
    </Field>
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
  } = props;
  const input = (
    <input
      {...controlOf(props)}
      ref={inputRef}
      type={type}
      className={`input input-${width}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete={autoComplete ?? 'off'}
      inputMode={inputMode}
      spellCheck={spellCheck}
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
  const dialog = useAction();
  const input = useRef<HTMLInputElement>(null);
  // A dialog's failure is stale once the form is sent (by then the path was typed or kept).
  const { clear } = dialog;
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    form.addEventListener('submit', clear);
    return () => form.removeEventListener('submit', clear);
  }, [clear]);
  async function pick() {
    const opened = await dialog.run(
      async () => {
        const path = await choosePath({
          ...choose,
          title: label,
          ...(value.trim() ? { defaultPath: value.trim() } : {}),
        });
        if (path === null) return;
        onChange(path);
        onChosen?.(path);
        input.current?.focus();
      },
      (message) => `The dialog could not be opened: ${message}`,
    );
    // The failure is the field's error now, read out from there.
    if (!opened) input.current?.focus();
  }
  return (
    <TextField
      {...props}
      error={props.error ?? (dialog.problem || undefined)}
      onChange={(path) => {
        clear();
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
            disabled={disabled || dialog.busy}
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
  const { value, onChange, rows = 4 } = props;
  return (
    <Frame {...props}>
      <textarea
        {...controlOf(props)}
        className="input input-long"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
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
  const { value, onChange, options, labels, emptyLabel } = props;
  return (
    <Frame {...props}>
      <select
        {...controlOf(props)}
        className="input input-medium"
        value={value}
        onChange={(e) => onChange(e.target.value as T | '')}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A yes-or-no question; `value` is whether it is ticked, as for the other fields. */
export function CheckboxField({
  name,
  label,
  value,
  onChange,
  hint,
}: {
  name: string;
  label: string;
  value: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  return (
    <div className="field checkbox">
      <input
        id={`field-${name}`}
        name={name}
        type="checkbox"
        checked={value}
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
