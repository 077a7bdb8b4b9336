import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { formatBytes } from '../../components/bytes';
import { formatDate } from '../../components/labels';
import { kindLabel, standingOf } from './describe';
import { OpenEvidenceButton } from './OpenEvidenceButton';

export type EvidenceAction = 'preview' | 'edit' | 'criteria' | 'remove';

/** One piece of evidence with everything recorded about it, and what can be done with it. */
export function EvidenceCard({
  record,
  onDate,
  sealed,
  onAction,
}: {
  record: EvidenceRecord;
  onDate: string;
  sealed: boolean;
  onAction: (action: EvidenceAction, record: EvidenceRecord) => void;
}) {
  const standing = standingOf(record, onDate);
  const headingId = `evidence-${record.id}-title`;
  const button = (action: EvidenceAction, text: string) => (
    <button
      type="button"
      className="button secondary small"
      onClick={() => onAction(action, record)}
      id={`${record.id}-${action}`}
    >
      {text} <span className="visually-hidden">{record.title}</span>
    </button>
  );
  return (
    <article
      className={`panel evidence-card${record.removedAt ? ' evidence-removed' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="evidence-card-title">
        {record.title} <span className={standing.className}>{standing.text}</span>
      </h3>
      <dl className="summary-list compact">
        <dt>Kind</dt>
        <dd>{kindLabel(record)}</dd>
        <dt>{record.url ? 'Link' : 'File'}</dt>
        <dd className="break-anywhere">
          {record.url ??
            [
              record.originalName,
              record.size !== null ? formatBytes(record.size) : null,
              record.mediaType,
            ]
              .filter(Boolean)
              .join(', ')}
        </dd>
        <dt>Supports</dt>
        <dd>{record.criteria.length > 0 ? record.criteria.join(', ') : 'No criterion yet'}</dd>
        <dt>Effective</dt>
        <dd>{formatDate(record.effectiveDate)}</dd>
        <dt>Expires</dt>
        <dd>{record.expiryDate ? formatDate(record.expiryDate) : 'Does not expire'}</dd>
        <dt>Personal data</dt>
        <dd>
          {record.personalData ? 'Yes' : 'No'}
          {record.retainUntil ? `; keep until ${formatDate(record.retainUntil)}` : ''}
        </dd>
        <dt>Added</dt>
        <dd>
          {formatDate(record.addedAt)} by {record.addedBy}
        </dd>
        {record.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre-line">{record.notes}</dd>
          </>
        ) : null}
        {record.removedAt ? (
          <>
            <dt>Removed</dt>
            <dd>
              {formatDate(record.removedAt)} by {record.removedBy}: {record.removalReason}
            </dd>
          </>
        ) : null}
      </dl>
      {record.removedAt ? null : (
        <div className="button-row evidence-card-actions">
          {record.sha256 ? button('preview', 'Preview') : null}
          <OpenEvidenceButton record={record} small />
          {sealed ? null : (
            <>
              {button('edit', 'Edit details')}
              {button('criteria', 'Change criteria')}
              {button('remove', 'Remove')}
            </>
          )}
        </div>
      )}
    </article>
  );
}
