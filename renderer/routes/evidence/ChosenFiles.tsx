import { plural } from '../../../shared/text/plural';
import { formatBytes } from '../../components/bytes';

// The list shows this many; the rest are counted.
const SHOWN = 50;

/** The same file chosen twice is one file: known by its path, size and time. */
export const fileKey = (file: File) =>
  `${file.webkitRelativePath || file.name}:${file.size}:${file.lastModified}`;

/** The files chosen so far, how big they are together, and a way to take each off the list. */
export function ChosenFiles({
  files,
  skipped,
  disabled,
  onRemove,
}: {
  files: File[];
  /** Hidden files left out of folders. */
  skipped: number;
  disabled: boolean;
  onRemove: (file: File) => void;
}) {
  if (files.length === 0) return null;
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  return (
    <div className="chosen-files">
      <p>
        <strong>{plural(files.length, 'file', 'files')} chosen</strong>, {formatBytes(totalBytes)}{' '}
        in all
        {skipped > 0 ? ` (${plural(skipped, 'hidden file', 'hidden files')} left out)` : ''}.
      </p>
      <ul className="chosen-list">
        {files.slice(0, SHOWN).map((file) => (
          <li key={fileKey(file)}>
            {file.webkitRelativePath || file.name}{' '}
            <span className="muted">({formatBytes(file.size)})</span>{' '}
            <button
              type="button"
              className="button link small"
              disabled={disabled}
              onClick={() => onRemove(file)}
            >
              Remove <span className="visually-hidden">{file.name} from the list</span>
            </button>
          </li>
        ))}
        {files.length > SHOWN ? <li>and {files.length - SHOWN} more</li> : null}
      </ul>
    </div>
  );
}
