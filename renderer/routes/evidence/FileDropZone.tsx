import { useEffect, useRef } from 'react';
import { DropZone } from '../../components/DropZone';
import { describedBy, ErrorText } from '../../components/Field';
import { gatherDropped, gatherFolder, type GatheredFiles } from './dropped-files';

/**
 * Where files are chosen: a box that takes dropped files and folders, holding the ordinary file
 * pickers, so dragging is a shortcut and never the only way. The pickers are native file inputs
 * (a keyboard opens them with Space or Enter, a screen reader announces them as buttons), shown
 * through their labels: the input's own "No file chosen" would contradict the list of files
 * gathered below, since each input is cleared after every pick.
 */
export function FileDropZone({
  prefix,
  allowFolder,
  disabled,
  error,
  onFiles,
}: {
  prefix: string;
  allowFolder: boolean;
  disabled: boolean;
  error: string | undefined;
  onFiles: (gathered: GatheredFiles) => void;
}) {
  const folderRef = useRef<HTMLInputElement>(null);
  const hintId = `${prefix}-drop-hint`;
  const errorId = `error-${prefix}-files`;
  // React has no prop for webkitdirectory; it is set on the element itself.
  useEffect(() => {
    if (folderRef.current) folderRef.current.webkitdirectory = true;
  }, []);

  return (
    <DropZone
      disabled={disabled}
      invalid={Boolean(error)}
      onDrop={(dropped) => void gatherDropped(dropped).then(onFiles)}
      testId={`${prefix}-drop-zone`}
    >
      <p className="drop-zone-text" id={hintId}>
        Drag and drop {allowFolder ? 'files or a folder' : 'files'} into this box, or choose them
        here.
      </p>
      <ErrorText id={errorId} error={error} />
      <div className="drop-zone-pickers">
        <div className="picker">
          <input
            id={`field-${prefix}-files`}
            type="file"
            multiple
            className="file-picker-input"
            disabled={disabled}
            aria-describedby={describedBy(hintId, error && errorId)}
            onChange={(event) => {
              const list = event.currentTarget.files;
              if (list && list.length > 0) onFiles({ files: [...list], skipped: 0 });
              // Cleared so the same file can be chosen again; the list below is what counts.
              event.currentTarget.value = '';
            }}
          />
          <label htmlFor={`field-${prefix}-files`} className="button secondary file-button">
            Choose files
          </label>
        </div>
        {allowFolder ? (
          <div className="picker">
            <input
              id={`field-${prefix}-folder`}
              ref={folderRef}
              type="file"
              className="file-picker-input"
              disabled={disabled}
              aria-describedby={hintId}
              onChange={(event) => {
                const list = event.currentTarget.files;
                if (list && list.length > 0) onFiles(gatherFolder(list));
                event.currentTarget.value = '';
              }}
            />
            <label htmlFor={`field-${prefix}-folder`} className="button secondary file-button">
              Add a folder
            </label>
          </div>
        ) : null}
      </div>
    </DropZone>
  );
}
