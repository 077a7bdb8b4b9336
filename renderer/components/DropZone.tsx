import { useState, type ReactNode } from 'react';

/**
 * A box that takes dropped files, around the ordinary pickers it holds (dropping is a shortcut,
 * never the only way). It shows when something is dragged over it, and takes nothing while
 * `disabled`.
 */
export function DropZone({
  disabled,
  invalid = false,
  onDrop,
  testId,
  children,
}: {
  disabled: boolean;
  /** Its field has an error, and it is marked as such. */
  invalid?: boolean;
  onDrop: (dropped: DataTransfer) => void;
  testId: string;
  children: ReactNode;
}) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-zone${over ? ' drop-zone-over' : ''}${invalid ? ' field-error' : ''}`}
      onDragEnter={(event) => {
        if (disabled) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragOver={(event) => {
        if (disabled) return;
        // Without this the browser would open a dropped file in place of the app.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        if (!disabled) onDrop(event.dataTransfer);
      }}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
