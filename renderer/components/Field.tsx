import type { ReactNode } from 'react';

/** The ids a control's aria-describedby names: those of the hint and error actually shown. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const shown = ids.filter(Boolean);
  return shown.length > 0 ? shown.join(' ') : undefined;
}

/**
 * A field's error, after a hidden "Error:" so a screen reader says what it is; nothing when there
 * is none. `alert` reads it out as it appears, for a form with no error summary to take focus.
 */
export function ErrorText({
  id,
  error,
  alert = false,
}: {
  id?: string;
  error: string | undefined;
  alert?: boolean;
}) {
  if (!error) return null;
  return (
    <p className="error-message" id={id} role={alert ? 'alert' : undefined}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

/**
 * One question: its label, an optional hint and error, then the control (whose aria-describedby
 * should name `hintId` and `errorId`, see describedBy). The ids are the caller's, since forms that
 * can be open more than once on a screen need their own.
 */
export function Field({
  id,
  label,
  labelId,
  optional = false,
  hint,
  hintId,
  error,
  errorId,
  alertOnError = false,
  children,
}: {
  /** The control's id, which the label is for. */
  id: string;
  label: ReactNode;
  labelId?: string;
  /** Says "(optional)" after the label. */
  optional?: boolean;
  hint?: ReactNode;
  hintId?: string;
  error?: string | undefined;
  errorId?: string;
  alertOnError?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id} id={labelId}>
        {label}
        {optional ? <span className="optional"> (optional)</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={errorId} error={error} alert={alertOnError} />
      {children}
    </div>
  );
}
