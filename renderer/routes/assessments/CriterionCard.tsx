import { useEffect, useRef, useState, type ReactNode } from 'react';
import { RATINGS, RATING_LABELS, type RatingValue } from '../../../shared/assessment/ratings';
import type { RatingRecord } from '../../../shared/assessment/schema';
import type { Criterion } from '../../../shared/framework/schema';
import { ApiError } from '../../api/bridge';
import { OverridePrompt } from './OverridePrompt';

export interface RatingDraft {
  rating: RatingValue | null;
  note: string;
  reason: string;
  /** Why an essential criterion is Met without current evidence; empty when it has evidence. */
  overrideReason: string;
}

/** The core's refusal to rate an essential criterion Met with no evidence current today. */
function needsEvidence(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'invalid_input' &&
    (error.details as { rule?: string } | undefined)?.rule === 'evidence_required'
  );
}

const draftOf = (record: RatingRecord | undefined): RatingDraft => ({
  rating: record?.rating ?? null,
  note: record?.note ?? '',
  reason: record?.reason ?? '',
  overrideReason: record?.overrideReason ?? '',
});

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * One criterion to rate. A rating is saved the moment it is chosen; notes and reasons when the
 * field is left. Not applicable waits for its reason, since it cannot be saved without one. An
 * essential criterion rated Met without current evidence is held back until evidence is added or
 * an override reason is given.
 */
export function CriterionCard({
  criterion,
  record,
  sealed,
  currentEvidence,
  onSave,
  evidence,
  reference,
  findings,
}: {
  criterion: Criterion;
  record: RatingRecord | undefined;
  sealed: boolean;
  /** How many pieces of its evidence are current on the assessment date. */
  currentEvidence: number;
  onSave: (draft: RatingDraft) => Promise<void>;
  /** The criterion's evidence list and add form. */
  evidence: ReactNode;
  /** External assessments: the provider's self-rating and evidence, read-only. */
  reference?: ReactNode;
  /** External assessments: the assessor's findings on the criterion. */
  findings?: ReactNode;
}) {
  const [draft, setDraft] = useState<RatingDraft>(() => draftOf(record));
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState('');
  // Met was chosen but refused for want of current evidence: the override prompt is showing.
  const [awaitingEvidence, setAwaitingEvidence] = useState(false);
  const evidenceAtRefusal = useRef(0);
  const latestEvidence = useRef(currentEvidence);
  // Saves go one after another, so arrowing through the options can never land out of order.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const code = criterion.code;
  const id = `criterion-${code.replace('.', '-')}`;

  // The rating last chosen here. A save that lands after a newer choice (arrowing across the
  // options saves each one in turn; Not applicable waits for its reason; Met waits for evidence)
  // must not put the older rating back on screen.
  const lastChoice = useRef<RatingValue | null | undefined>(undefined);
  useEffect(() => {
    if (lastChoice.current !== undefined && lastChoice.current !== (record?.rating ?? null)) return;
    setDraft(draftOf(record));
  }, [record]);

  async function save(next: RatingDraft) {
    lastChoice.current = next.rating;
    setDraft(next);
    setAwaitingEvidence(false);
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
        if (needsEvidence(error)) {
          setState('idle');
          // Arrowing on past Met has already moved on from it; only a standing choice waits.
          if (lastChoice.current !== 'met') return;
          evidenceAtRefusal.current = latestEvidence.current;
          setAwaitingEvidence(true);
          return;
        }
        setState('error');
        setProblem((error as Error).message);
      }
    });
    await queue.current;
  }

  // Evidence added while Met was held back: the rating the person chose can now be saved. Only
  // more current evidence than at the refusal retries, so a stale count can never loop.
  const retry = useRef<() => void>(() => undefined);
  useEffect(() => {
    retry.current = () => void save(draft);
    latestEvidence.current = currentEvidence;
  });
  useEffect(() => {
    if (awaitingEvidence && currentEvidence > evidenceAtRefusal.current) retry.current();
  }, [awaitingEvidence, currentEvidence]);

  // A different rating drops an override reason: it only ever explains Met.
  const choose = (rating: RatingValue) =>
    save({ ...draft, rating, overrideReason: rating === 'met' ? draft.overrideReason : '' });

  const dirtyText = (field: 'note' | 'reason') =>
    (draft[field] ?? '') !== ((record?.[field] ?? '') as string);

  return (
    <section
      className={`criterion rating-${awaitingEvidence ? 'pending' : (draft.rating ?? 'none')}`}
      aria-labelledby={`${id}-legend`}
      id={id}
      tabIndex={-1}
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
                onChange={() => void choose(r)}
              />
              <label htmlFor={`${id}-${r}`} className={`rating-label rating-label-${r}`}>
                {RATING_LABELS[r]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {reference}
      {awaitingEvidence && draft.rating === 'met' ? (
        <OverridePrompt
          id={id}
          code={code}
          initialReason={draft.overrideReason}
          cancelLabel={
            record ? `Keep it ${RATING_LABELS[record.rating]}` : 'Leave it unrated for now'
          }
          onOverride={(overrideReason) => save({ ...draft, rating: 'met', overrideReason })}
          onCancel={() => {
            setAwaitingEvidence(false);
            lastChoice.current = undefined;
            setDraft(draftOf(record));
          }}
        />
      ) : null}
      {record?.rating === 'met' && record.overrideReason && !awaitingEvidence ? (
        <p className="override-note" id={`${id}-override-note`}>
          <strong>Rated Met without current evidence:</strong> {record.overrideReason}
        </p>
      ) : null}
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
      {evidence}
      {findings}
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
        <span
          className={`save-state${awaitingEvidence ? ' save-state-pending' : ''}`}
          aria-hidden="true"
        >
          {state === 'saving'
            ? 'Saving…'
            : awaitingEvidence
              ? 'Not saved yet'
              : state === 'saved'
                ? 'Saved'
                : ''}
        </span>
        {problem && draft.rating !== 'na' ? (
          <p className="error-message" role="alert">
            {problem}
          </p>
        ) : null}
        {draft.rating && !sealed && !awaitingEvidence ? (
          <button
            type="button"
            className="button link small"
            onClick={() =>
              void save({ rating: null, note: draft.note, reason: '', overrideReason: '' })
            }
          >
            Clear rating <span className="visually-hidden">for {code}</span>
          </button>
        ) : null}
      </div>
    </section>
  );
}
