import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { isDesktop, openEvidenceExternally } from '../../api/bridge';
import { useAction } from '../../components/use-action';

/**
 * Opens a stored file with the system's own viewer (desktop) or downloads it (browser mode, where
 * the page cannot start other programs). A web link is a plain link that opens outside the app.
 */
export function OpenEvidenceButton({
  record,
  small = false,
}: {
  record: EvidenceRecord;
  small?: boolean;
}) {
  const opening = useAction();
  const size = small ? ' small' : '';
  if (record.url)
    return (
      <a className={`button secondary${size}`} href={record.url} target="_blank" rel="noreferrer">
        Open link{' '}
        <span className="visually-hidden">for {record.title} (opens outside the app)</span>
      </a>
    );
  if (!record.sha256 || record.removedAt) return null;
  const verb = isDesktop() ? 'Open' : 'Download';

  const open = () =>
    opening.run(
      () =>
        openEvidenceExternally({
          id: record.id,
          fileName: record.originalName ?? record.title,
        }),
      (message) => `Could not ${verb.toLowerCase()} ${record.title}: ${message}`,
    );

  return (
    <>
      <button
        type="button"
        className={`button secondary${size}`}
        onClick={() => void open()}
        disabled={opening.busy}
      >
        {verb} <span className="visually-hidden">{record.title}</span>
      </button>
      {opening.problem ? (
        <span className="error-message" role="alert">
          {opening.problem}
        </span>
      ) : null}
    </>
  );
}
