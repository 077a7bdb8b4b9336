import { useEffect, useRef, useState } from 'react';
import type { EvidenceRecord, Freshness } from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import { criterionKey } from '../assessments/criterion-links';
import { AddEvidenceForm } from './AddEvidenceForm';
import { FRESHNESS_BADGE, freshnessLabel } from './describe';
import { EvidenceListItem } from './EvidenceListItem';
import { PreviewDialog } from './PreviewDialog';

export interface CriterionFreshness {
  freshness: Freshness;
  count: number;
  current: number;
}

/**
 * The evidence under one criterion on the rating screen: how much there is and how fresh (in
 * words as well as colour), each piece with preview and open, and a form to add more.
 */
export function CriterionEvidence({
  assessmentId,
  code,
  records,
  freshness,
  onDate,
  sealed,
  onAdded,
  heading,
}: {
  assessmentId: string;
  code: string;
  records: EvidenceRecord[];
  freshness: CriterionFreshness | undefined;
  onDate: string;
  sealed: boolean;
  onAdded: (records: EvidenceRecord[]) => void;
  /** Told apart from the provider's own evidence on an external assessment. */
  heading?: string;
}) {
  const [adding, setAdding] = useState(false);
  const [previewing, setPreviewing] = useState<EvidenceRecord | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const justAdded = useRef(false);
  // The form (and the button that sent it) goes once evidence is added; focus returns to the
  // button that opened it rather than falling to the top of the page.
  useEffect(() => {
    if (!adding && justAdded.current) {
      justAdded.current = false;
      toggleRef.current?.focus();
    }
  }, [adding]);
  const key = criterionKey(code);
  const state = freshness?.freshness ?? 'none';
  const count = freshness?.count ?? records.length;

  return (
    <div className="criterion-evidence" aria-labelledby={`evidence-${key}-heading`} role="group">
      <h4 id={`evidence-${key}-heading`} className="evidence-heading">
        {heading ?? `Evidence for ${code}`}
      </h4>
      <p className="evidence-summary" id={`evidence-${key}-summary`}>
        <span className={FRESHNESS_BADGE[state]}>{freshnessLabel(state)}</span>
        {count > 0 ? (
          <span>
            {plural(count, 'piece', 'pieces')} of evidence, {freshness?.current ?? 0} current
          </span>
        ) : null}
      </p>
      {records.length > 0 ? (
        <ul className="evidence-list">
          {records.map((record) => (
            <EvidenceListItem
              key={record.id}
              record={record}
              onDate={onDate}
              onPreview={setPreviewing}
            />
          ))}
        </ul>
      ) : null}
      {sealed ? null : (
        <button
          type="button"
          className="button secondary small"
          id={`evidence-${key}-toggle`}
          ref={toggleRef}
          aria-expanded={adding}
          aria-controls={`evidence-${key}-form`}
          onClick={() => setAdding((shown) => !shown)}
        >
          {adding ? 'Close the evidence form' : 'Add evidence'}{' '}
          <span className="visually-hidden">for {code}</span>
        </button>
      )}
      <div id={`evidence-${key}-form`} hidden={!adding || sealed}>
        {adding && !sealed ? (
          <AddEvidenceForm
            assessmentId={assessmentId}
            prefix={`ev-${key}`}
            label={`Add evidence for ${code}`}
            criteria={[code]}
            onAdded={(added) => {
              justAdded.current = true;
              setAdding(false);
              onAdded(added);
            }}
          />
        ) : null}
      </div>
      {previewing ? (
        <PreviewDialog record={previewing} onClose={() => setPreviewing(null)} />
      ) : null}
    </div>
  );
}
