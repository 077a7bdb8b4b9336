import { useEffect, useRef, useState } from 'react';
import { RATINGS, RATING_LABELS, type RatingValue } from '../../../shared/assessment/ratings';
import type { RatingRecord } from '../../../shared/assessment/schema';
import type { Criterion } from '../../../shared/framework/schema';

export interface RatingDraft {
  rating: RatingValue | null;
  note: string;
  reason: string;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * One criterion to rate. A rating is saved the moment it is chosen; notes and reasons when the
 * field is left. Not applicable waits for its reason, since it cannot be saved without one.
 */
export function CriterionCard({
  criterion,
  record,
  sealed,
  onSave,
}: {
  criterion: Criterion;
  record: RatingRecord | undefined;
  sealed: boolean;
  onSave: (draft: RatingDraft) => Promise<void>;
}) {
  const [draft, setDraft] = useState<RatingDraft>({
    rating: record?.rating ?? null,
    note: record?.note ?? '',
    reason: record?.reason ?? '',
  });
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState('');
  // Saves go one after another, so arrowing through the options can never land out of order.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const code = criterion.code;
  const id = `criterion-${code.replace('.', '-')}`;

  useEffect(() => {
    setDraft({
      rating: record?.rating ?? null,
      note: record?.note ?? '',
      reason: record?.reason ?? '',
    });
  }, [record]);

  async function save(next: RatingDraft) {
    setDraft(next);
    if (next.rating === 'na' && !next.reason.trim()) {
      setProblem(
        'Not applicable needs a reason. Type it below; it is saved when you leave the field.',
      );
      setState('idle');
      return;
    }
    setProblem('');
    setState('saving');
    queue.current = queue.current.then(async () => {
      try {
        await onSave(next);
        setState('saved');
      } catch (error) {
        setState('error');
        setProblem((error as Error).message);
      }
    });
    await queue.current;
  }

  const dirtyText = (field: 'note' | 'reason') =>
    (draft[field] ?? '') !== ((record?.[field] ?? '') as string);

  return (
    <section
      className={`criterion rating-${draft.rating ?? 'none'}`}
      aria-labelledby={`${id}-legend`}
      id={id}
    >
      <fieldset className="fieldset criterion-fieldset" disabled={sealed}>
        <legend id={`${id}-legend`}>
          <span className="criterion-code">{code}</span> {criterion.statement}{' '}
          <span
            className={
              criterion.level === 'essential' ? 'badge badge-essential' : 'badge badge-muted'
            }
          >
            {criterion.level === 'essential' ? 'Essential' : 'Developmental'}
          </span>
        </legend>
        <div className="rating-options">
          {RATINGS.map((r) => (
            <div className="rating-option" key={r}>
              <input
                type="radio"
                id={`${id}-${r}`}
                name={`${id}-rating`}
                value={r}
                checked={draft.rating === r}
                onChange={() => void save({ ...draft, rating: r })}
              />
              <label htmlFor={`${id}-${r}`} className={`rating-label rating-label-${r}`}>
                {RATING_LABELS[r]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {draft.rating === 'na' ? (
        <div className={`field${problem && !draft.reason.trim() ? ' field-error' : ''}`}>
          <label htmlFor={`${id}-reason`}>Why is this not applicable?</label>
          {problem && !draft.reason.trim() ? (
            <p className="error-message" id={`${id}-reason-error`}>
              <span className="visually-hidden">Error: </span>
              {problem}
            </p>
          ) : null}
          <input
            id={`${id}-reason`}
            className="input input-long"
            value={draft.reason}
            readOnly={sealed}
            aria-describedby={problem && !draft.reason.trim() ? `${id}-reason-error` : undefined}
            aria-invalid={problem && !draft.reason.trim() ? true : undefined}
            onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
            onBlur={() => {
              if (dirtyText('reason') || record?.rating !== 'na') void save(draft);
            }}
          />
        </div>
      ) : null}
      <details className="guidance">
        <summary>Guidance and evidence for {code}</summary>
        <p>{criterion.guidance}</p>
        <p className="muted">Examples of evidence:</p>
        <ul>
          {criterion.evidenceExamples.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </details>
      <div className="field">
        <label htmlFor={`${id}-note`}>Notes on {code}</label>
        <textarea
          id={`${id}-note`}
          className="input input-long"
          rows={2}
          value={draft.note}
          readOnly={sealed}
          onChange={(e) => setDraft({ ...draft, note: e.target.value })}
          onBlur={() => {
            if (dirtyText('note') && draft.rating) void save(draft);
          }}
        />
        {!draft.rating && draft.note ? (
          <p className="hint">Choose a rating to save this note.</p>
        ) : null}
      </div>
      <div className="criterion-foot">
        <span className="save-state" aria-hidden="true">
          {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : ''}
        </span>
        {problem && draft.rating !== 'na' ? (
          <p className="error-message" role="alert">
            {problem}
          </p>
        ) : null}
        {draft.rating && !sealed ? (
          <button
            type="button"
            className="button link small"
            onClick={() => void save({ rating: null, note: draft.note, reason: '' })}
          >
            Clear rating <span className="visually-hidden">for {code}</span>
          </button>
        ) : null}
      </div>
    </section>
  );
}
