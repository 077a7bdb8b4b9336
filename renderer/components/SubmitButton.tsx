import type { ReactNode } from 'react';

/**
 * A form's send button. Once pressed it says what is happening (`busyLabel`) and cannot be
 * pressed again until the answer comes.
 */
export function SubmitButton({
  busy,
  busyLabel,
  children,
  id,
  secondary = false,
  disabled = false,
}: {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  id?: string;
  secondary?: boolean;
  /** Cannot be sent at all for now, busy or not. */
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      id={id}
      className={secondary ? 'button secondary' : 'button'}
      disabled={busy || disabled}
    >
      {busy ? busyLabel : children}
    </button>
  );
}
