import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../shared/accreditation/schema';
import { FINDING_TYPE_LABELS, isNonconformity } from '../../../shared/accreditation/vocabulary';
import { invoke } from '../../api/bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../components/labels';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useAction } from '../../components/use-action';
import { criterionKey } from '../assessments/criterion-links';
import { FindingForm } from './FindingForm';

const typeName = (type: Finding['type']) => FINDING_TYPE_LABELS[type].toLowerCase();
const withArticle = (type: Finding['type']) =>
  `${/^[aeiou]/.test(typeName(type)) ? 'an' : 'a'} ${typeName(type)}`;

export const FINDING_BADGE: Record<Finding['type'], string> = {
  observation: 'badge badge-muted',
  'good-practice': 'badge badge-good',
  'minor-nc': 'badge badge-fair',
  'major-nc': 'badge badge-weak',
};

/**
 * The assessor's findings on one criterion: each with its type in words, the action a
 * nonconformity requires, and edit and delete while the assessment is open.
 */
export function FindingsPanel({
  assessmentId,
  code,
  findings,
  sealed,
  onChanged,
}: {
  assessmentId: string;
  code: string;
  findings: Finding[];
  sealed: boolean;
  onChanged: (message: string) => void;
}) {
  const key = criterionKey(code);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Finding | null>(null);
  const removal = useAction();
  const addButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  // When a form closes, focus goes back to the button that adds findings, not the page top.
  useEffect(() => {
    if (editing === null && returnFocus.current) {
      returnFocus.current = false;
      addButton.current?.focus();
    }
  }, [editing, findings]);

  const close = (message?: string) => {
    returnFocus.current = true;
    setEditing(null);
    if (message) onChanged(message);
  };

  async function remove(finding: Finding) {
    const removed = await removal.run(() => invoke('findings.delete', { id: finding.id }));
    if (!removed) return;
    setDeleting(null);
    returnFocus.current = true;
    onChanged(`Deleted the ${typeName(finding.type)} on ${code}.`);
  }

  const form = (finding?: Finding) => (
    <FindingForm
      assessmentId={assessmentId}
      code={code}
      finding={finding}
      onSaved={(saved) =>
        close(
          finding
            ? `Saved the ${typeName(saved.type)} on ${code}.`
            : `Added ${withArticle(saved.type)} on ${code}.`,
        )
      }
      onCancel={() => close()}
    />
  );

  return (
    <div className="findings" role="group" aria-labelledby={`findings-${key}-heading`}>
      <h4 id={`findings-${key}-heading`} className="findings-heading">
        Findings on {code}
      </h4>
      {findings.length === 0 ? <p className="muted">No findings recorded.</p> : null}
      {findings.length > 0 ? (
        <ul className="finding-list">
          {findings.map((finding) =>
            editing === finding.id ? (
              <li key={finding.id} className="finding">
                {form(finding)}
              </li>
            ) : (
              <FindingItem
                key={finding.id}
                finding={finding}
                code={code}
                sealed={sealed}
                onEdit={() => setEditing(finding.id)}
                onDelete={() => setDeleting(finding)}
              />
            ),
          )}
        </ul>
      ) : null}
      {sealed ? null : editing === 'new' ? (
        form()
      ) : (
        <button
          type="button"
          className="button secondary small"
          id={`findings-${key}-add`}
          ref={addButton}
          onClick={() => setEditing('new')}
          disabled={editing !== null}
        >
          Add a finding <span className="visually-hidden">on {code}</span>
        </button>
      )}
      {deleting ? (
        <ConfirmDialog
          title={`Delete this ${typeName(deleting.type)}?`}
          confirmLabel="Delete finding"
          busy={removal.busy}
          onConfirm={() => void remove(deleting)}
          onClose={() => {
            setDeleting(null);
            removal.clear();
          }}
        >
          <p className="pre-line">“{deleting.text}”</p>
          <p>It is removed from the assessment; the audit trail keeps a record of it.</p>
          <ProblemMessage problem={removal.problem} />
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** One finding as recorded, with edit and delete while the assessment is open. */
function FindingItem({
  finding,
  code,
  sealed,
  onEdit,
  onDelete,
}: {
  finding: Finding;
  code: string;
  sealed: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const which = (
    <span className="visually-hidden">
      {typeName(finding.type)} on {code}
    </span>
  );
  return (
    <li className={`finding finding-${finding.type}`}>
      <p className="finding-text">
        <span className={FINDING_BADGE[finding.type]}>{FINDING_TYPE_LABELS[finding.type]}</span>{' '}
        <span className="pre-line">{finding.text}</span>
      </p>
      {isNonconformity(finding.type) ? (
        <dl className="summary-list compact finding-action">
          <dt>Action required</dt>
          <dd className="pre-line">{finding.action}</dd>
          <dt>Owner</dt>
          <dd>{finding.actionOwner}</dd>
          <dt>Due</dt>
          <dd>{formatDate(finding.actionDue)}</dd>
        </dl>
      ) : null}
      {sealed ? null : (
        <div className="button-row">
          <button type="button" className="button secondary small" onClick={onEdit}>
            Edit {which}
          </button>
          <button type="button" className="button link small" onClick={onDelete}>
            Delete {which}
          </button>
        </div>
      )}
    </li>
  );
}
