import { useState } from 'react';
import { describedBy, Field } from '../../components/Field';

/**
 * Shown when an essential criterion cannot be rated Met for want of evidence current today: it
 * says why, in words read out as it appears, and offers the two ways on: add evidence (below, on
 * the same card, after which Met is saved by itself) or record why Met stands without it.
 */
export function OverridePrompt({
  id,
  code,
  initialReason,
  cancelLabel,
  onOverride,
  onCancel,
}: {
  id: string;
  code: string;
  initialReason: string;
  cancelLabel: string;
  onOverride: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState(initialReason);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (reason.trim().length < 3) {
      setError('Give the reason in a few words; the assessor will read it');
      document.getElementById(`${id}-override`)?.focus();
      return;
    }
    setError('');
    setBusy(true);
    try {
      await onOverride(reason.trim());
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="override-panel" role="group" aria-labelledby={`${id}-override-title`}>
      <div role="alert">
        <p className="override-title" id={`${id}-override-title`}>
          Met is not saved yet: {code} needs current evidence
        </p>
        <p id={`${id}-override-explain`}>
          {code} is essential, so rating it Met needs at least one piece of evidence that is current
          on the assessment date. Add evidence under this criterion and Met is saved straight away,
          or give the reason it is met without current evidence. The assessor will see your reason.
        </p>
      </div>
      <Field
        id={`${id}-override`}
        label={`Reason for rating ${code} Met without current evidence`}
        error={error}
        errorId={`${id}-override-error`}
      >
        <textarea
          id={`${id}-override`}
          className="input input-long"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={describedBy(`${id}-override-explain`, error && `${id}-override-error`)}
          aria-invalid={error ? true : undefined}
        />
      </Field>
      <div className="button-row">
        <button
          type="button"
          className="button small"
          id={`${id}-override-save`}
          onClick={() => void submit()}
          disabled={busy}
        >
          Rate Met with this reason <span className="visually-hidden">for {code}</span>
        </button>
        <button type="button" className="button link small" onClick={onCancel}>
          {cancelLabel} <span className="visually-hidden">for {code}</span>
        </button>
      </div>
    </div>
  );
}
