import { DropZone } from '../../components/DropZone';

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
  const hintId = 'bundle-drop-hint';
  return (
    <DropZone
      disabled={disabled}
      onDrop={(dropped) => {
        const file = dropped.files[0];
        if (file) onFile(file);
      }}
      testId="bundle-drop-zone"
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
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) onFile(file);
              // Cleared so the same file can be chosen again after a problem is put right.
              event.currentTarget.value = '';
            }}
          />
          <label htmlFor="field-bundle-file" className="button secondary file-button">
            Choose a bundle
          </label>
        </div>
      </div>
    </DropZone>
  );
}
