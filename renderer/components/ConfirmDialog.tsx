import { useId, type ReactNode } from 'react';
import { Dialog } from './Dialog';

/** Asks before something that cannot be undone; the safe choice is the second button. */
export function ConfirmDialog({
  title,
  confirmLabel,
  busy,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const bodyId = useId();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      describedBy={bodyId}
      footer={
        <>
          <button type="button" className="button danger" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <div id={bodyId}>{children}</div>
    </Dialog>
  );
}
