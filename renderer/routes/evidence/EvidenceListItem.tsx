import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { expiryNote, kindLabel, standingOf } from './describe';
import { OpenEvidenceButton } from './OpenEvidenceButton';

/** One piece of evidence in a criterion's list: title, kind, standing on a date, preview and open. */
export function EvidenceListItem({
  record,
  onDate,
  onPreview,
}: {
  record: EvidenceRecord;
  onDate: string;
  onPreview: (record: EvidenceRecord) => void;
}) {
  const standing = standingOf(record, onDate);
  return (
    <li className="evidence-item">
      <span className="evidence-item-title">{record.title}</span>
      <span className="muted">{kindLabel(record)}</span>
      <span>
        <span className={standing.className}>{standing.text}</span>{' '}
        <span className="muted">{expiryNote(record, standing)}</span>
      </span>
      <span className="evidence-item-actions">
        {record.sha256 ? (
          <button
            type="button"
            className="button secondary small"
            onClick={() => onPreview(record)}
          >
            Preview <span className="visually-hidden">{record.title}</span>
          </button>
        ) : null}
        <OpenEvidenceButton record={record} small />
      </span>
    </li>
  );
}
