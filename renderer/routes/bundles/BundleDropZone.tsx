import { useState } from 'react';

/**
 * Where a bundle is chosen: a box a .spqa file can be dropped on, holding the ordinary file picker
 * (a native input shown through its label, so Space or Enter opens it and a screen reader
 * announces a button). Dropping is a shortcut, never the only way.
 */
export function BundleDropZone({
  disabled,
  onFile,
}: {
  disabled: boolean;
  onFile: (file: File) => void;
}) {
  const [over, setOver] = useState(false);
  const hintId = 'bundle-drop-hint';
  return (
    <div
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      onDragEnter={(e) => {
        if (disabled) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        if (disabled) return;
        // Without this the browser would open the dropped file in place of the app.
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (!disabled && file) onFile(file);
      }}
      data-testid="bundle-drop-zone"
    >
      <p className="drop-zone-text" id={hintId}>
        Drag and drop a .spqa bundle into this box, or choose it here.
      </p>
      <div className="drop-zone-pickers">
        <div className="picker">
          <input
            id="field-bundle-file"
            type="file"
            accept=".spqa"
            className="file-picker-input"
            disabled={disabled}
            aria-describedby={hintId}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) onFile(file);
              // Cleared so the same file can be chosen again after a problem is put right.
              e.currentTarget.value = '';
            }}
          />
          <label htmlFor="field-bundle-file" className="button secondary file-button">
            Choose a bundle
          </label>
        </div>
      </div>
    </div>
  );
}
