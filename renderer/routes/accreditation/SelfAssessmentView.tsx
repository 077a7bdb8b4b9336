import { useState } from 'react';
import { RATING_LABELS } from '../../../shared/assessment/ratings';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { criterionKey } from '../assessments/criterion-links';
import { EvidenceListItem } from '../evidence/EvidenceListItem';
import { PreviewDialog } from '../evidence/PreviewDialog';
import type { SelfView } from './use-external-context';

/**
 * The provider's self-rating, note and evidence for one criterion, beside the assessor's own
 * rating. Read-only: the assessor can look at (and open) the evidence, never change it.
 */
export function SelfAssessmentView({ code, self }: { code: string; self: SelfView }) {
  const [previewing, setPreviewing] = useState<EvidenceRecord | null>(null);
  const key = criterionKey(code);
  const rating = self.ratings.get(code);
  const evidence = self.evidence.get(code) ?? [];
  return (
    <div className="self-view" role="group" aria-labelledby={`self-${key}-heading`}>
      <h4 id={`self-${key}-heading`} className="self-view-heading">
        Provider’s self-assessment of {code}
      </h4>
      <p className="self-view-rating" id={`self-${key}-rating`}>
        Self-rating:{' '}
        {rating ? (
          <strong className={`self-rating self-rating-${rating.rating}`}>
            {RATING_LABELS[rating.rating]}
          </strong>
        ) : (
          <span className="muted">not rated by the provider</span>
        )}
      </p>
      {rating?.reason ? (
        <p className="pre-line">
          <span className="muted">Why not applicable:</span> {rating.reason}
        </p>
      ) : null}
      {rating?.overrideReason ? (
        <p className="pre-line">
          <span className="muted">Rated Met without current evidence:</span> {rating.overrideReason}
        </p>
      ) : null}
      {rating?.note ? (
        <p className="pre-line">
          <span className="muted">Provider’s note:</span> {rating.note}
        </p>
      ) : null}
      {evidence.length === 0 ? (
        <p className="muted">No evidence from the provider for {code}.</p>
      ) : (
        <ul className="evidence-list" aria-label={`Provider’s evidence for ${code}`}>
          {evidence.map((record) => (
            <EvidenceListItem
              key={record.id}
              record={record}
              onDate={self.onDate}
              onPreview={setPreviewing}
            />
          ))}
        </ul>
      )}
      {previewing ? (
        <PreviewDialog record={previewing} onClose={() => setPreviewing(null)} />
      ) : null}
    </div>
  );
}
