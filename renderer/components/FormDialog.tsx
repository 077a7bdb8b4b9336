import { useId, type FormEvent, type ReactNode } from 'react';
import { Dialog } from './Dialog';

/**
 * A dialog holding one form: the form's fields in the body, its send button and Cancel in the
 * footer (tied to the form by its id, so Enter in a field sends it too). `intro` goes above the
 * form, for what the dialog's describedBy names.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  danger = false,
  wide = false,
  describedBy,
  intro,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  busy: boolean;
  /** The change cannot be undone, and the button says so. */
  danger?: boolean;
  wide?: boolean;
  describedBy?: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      describedBy={describedBy}
      footer={
        <FormButtons
          formId={formId}
          submitLabel={submitLabel}
          busy={busy}
          danger={danger}
          onCancel={onClose}
        />
      }
    >
      {intro}
      <form id={formId} onSubmit={onSubmit} noValidate>
        {children}
      </form>
    </Dialog>
  );
}

/** A dialog form's send button and Cancel, for its footer; the button sends the form by its id. */
export function FormButtons({
  formId,
  submitLabel,
  busy,
  danger,
  onCancel,
}: {
  formId: string;
  submitLabel: string;
  busy: boolean;
  danger: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <button
        type="submit"
        form={formId}
        className={`button${danger ? ' danger' : ''}`}
        disabled={busy}
      >
        {submitLabel}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}
