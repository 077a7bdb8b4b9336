import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../shared/accreditation/schema';
import { FINDING_TYPE_LABELS, isNonconformity } from '../../../shared/accreditation/vocabulary';
import { invoke } from '../../api/bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../components/labels';
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
  const key = code.replace('.', '-');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Finding | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
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
    setBusy(true);
    setProblem('');
    try {
      await invoke('findings.delete', { id: finding.id });
      setDeleting(null);
      returnFocus.current = true;
      onChanged(`Deleted the ${typeName(finding.type)} on ${code}.`);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="findings" role="group" aria-labelledby={`findings-${key}-heading`}>
      <h4 id={`findings-${key}-heading`} className="findings-heading">
        Findings on {code}
      </h4>
      {findings.length === 0 ? <p className="muted">No findings recorded.</p> : null}
      {findings.length > 0 ? (
        <ul className="finding-list">
          {findings.map((f) =>
            editing === f.id ? (
              <li key={f.id} className="finding">
                <FindingForm
                  assessmentId={assessmentId}
                  code={code}
                  finding={f}
                  onSaved={(saved) => close(`Saved the ${typeName(saved.type)} on ${code}.`)}
                  onCancel={() => close()}
                />
              </li>
            ) : (
              <li key={f.id} className={`finding finding-${f.type}`}>
                <p className="finding-text">
                  <span className={FINDING_BADGE[f.type]}>{FINDING_TYPE_LABELS[f.type]}</span>{' '}
                  <span className="pre-line">{f.text}</span>
                </p>
                {isNonconformity(f.type) ? (
                  <dl className="summary-list compact finding-action">
                    <dt>Action required</dt>
                    <dd className="pre-line">{f.action}</dd>
                    <dt>Owner</dt>
                    <dd>{f.actionOwner}</dd>
                    <dt>Due</dt>
                    <dd>{formatDate(f.actionDue)}</dd>
                  </dl>
                ) : null}
                {sealed ? null : (
                  <div className="button-row">
                    <button
                      type="button"
                      className="button secondary small"
                      onClick={() => setEditing(f.id)}
                    >
                      Edit{' '}
                      <span className="visually-hidden">
                        {typeName(f.type)} on {code}
                      </span>
                    </button>
                    <button
                      type="button"
                      className="button link small"
                      onClick={() => setDeleting(f)}
                    >
                      Delete{' '}
                      <span className="visually-hidden">
                        {typeName(f.type)} on {code}
                      </span>
                    </button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      ) : null}
      {sealed ? null : editing === 'new' ? (
        <FindingForm
          assessmentId={assessmentId}
          code={code}
          onSaved={(saved) => close(`Added ${withArticle(saved.type)} on ${code}.`)}
          onCancel={() => close()}
        />
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
          busy={busy}
          onConfirm={() => void remove(deleting)}
          onClose={() => {
            setDeleting(null);
            setProblem('');
          }}
        >
          <p className="pre-line">“{deleting.text}”</p>
          <p>It is removed from the assessment; the audit trail keeps a record of it.</p>
          {problem ? (
            <p className="error-message" role="alert">
              {problem}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
