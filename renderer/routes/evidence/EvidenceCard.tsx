import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { formatBytes } from '../../components/bytes';
import { formatDate } from '../../components/labels';
import { kindLabel, standingOf } from './describe';
import { OpenEvidenceButton } from './OpenEvidenceButton';

export type EvidenceAction = 'preview' | 'edit' | 'criteria' | 'remove';

/** One piece of evidence with everything recorded about it, and what can be done with it. */
export function EvidenceCard({
  record: r,
  onDate,
  sealed,
  onAction,
}: {
  record: EvidenceRecord;
  onDate: string;
  sealed: boolean;
  onAction: (action: EvidenceAction, record: EvidenceRecord) => void;
}) {
  const standing = standingOf(r, onDate);
  const headingId = `evidence-${r.id}-title`;
  const button = (action: EvidenceAction, text: string) => (
    <button
      type="button"
      className="button secondary small"
      onClick={() => onAction(action, r)}
      id={`${r.id}-${action}`}
    >
      {text} <span className="visually-hidden">{r.title}</span>
    </button>
  );
  return (
    <article
      className={`panel evidence-card${r.removedAt ? ' evidence-removed' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="evidence-card-title">
        {r.title} <span className={standing.className}>{standing.text}</span>
      </h3>
      <dl className="summary-list compact">
        <dt>Kind</dt>
        <dd>{kindLabel(r)}</dd>
        <dt>{r.url ? 'Link' : 'File'}</dt>
        <dd className="break-anywhere">
          {r.url ??
            [r.originalName, r.size !== null ? formatBytes(r.size) : null, r.mediaType]
              .filter(Boolean)
              .join(', ')}
        </dd>
        <dt>Supports</dt>
        <dd>{r.criteria.length > 0 ? r.criteria.join(', ') : 'No criterion yet'}</dd>
        <dt>Effective</dt>
        <dd>{formatDate(r.effectiveDate)}</dd>
        <dt>Expires</dt>
        <dd>{r.expiryDate ? formatDate(r.expiryDate) : 'Does not expire'}</dd>
        <dt>Personal data</dt>
        <dd>
          {r.personalData ? 'Yes' : 'No'}
          {r.retainUntil ? `; keep until ${formatDate(r.retainUntil)}` : ''}
        </dd>
        <dt>Added</dt>
        <dd>
          {formatDate(r.addedAt)} by {r.addedBy}
        </dd>
        {r.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre-line">{r.notes}</dd>
          </>
        ) : null}
        {r.removedAt ? (
          <>
            <dt>Removed</dt>
            <dd>
              {formatDate(r.removedAt)} by {r.removedBy}: {r.removalReason}
            </dd>
          </>
        ) : null}
      </dl>
      {r.removedAt ? null : (
        <div className="button-row evidence-card-actions">
          {r.sha256 ? button('preview', 'Preview') : null}
          <OpenEvidenceButton record={r} small />
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
