import type { ReactNode } from 'react';
import { RATINGS, RATING_LABELS } from '../../../shared/assessment/ratings';
import type { RatingRecord } from '../../../shared/assessment/schema';
import type { Criterion } from '../../../shared/framework/schema';
import { describedBy, Field } from '../../components/Field';
import { ProblemMessage } from '../../components/ProblemMessage';
import { LevelBadge } from '../frameworks/LevelBadge';
import { criterionCardId } from './criterion-links';
import { OverridePrompt } from './OverridePrompt';
import { useCriterionRating, type RatingDraft, type SaveState } from './use-criterion-rating';

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
  const rating = useCriterionRating({ record, currentEvidence, onSave });
  const { draft, setDraft, save, problem, awaitingEvidence } = rating;
  const code = criterion.code;
  const id = criterionCardId(code);
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
          <LevelBadge level={criterion.level} />
        </legend>
        <div className="rating-options">
          {RATINGS.map((value) => (
            <div className="rating-option" key={value}>
              <input
                type="radio"
                id={`${id}-${value}`}
                name={`${id}-rating`}
                value={value}
                checked={draft.rating === value}
                onChange={() => void rating.choose(value)}
              />
              <label htmlFor={`${id}-${value}`} className={`rating-label rating-label-${value}`}>
                {RATING_LABELS[value]}
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
          onCancel={rating.keepSaved}
        />
      ) : null}
      {record?.rating === 'met' && record.overrideReason && !awaitingEvidence ? (
        <p className="override-note" id={`${id}-override-note`}>
          <strong>Rated Met without current evidence:</strong> {record.overrideReason}
        </p>
      ) : null}
      {draft.rating === 'na' ? (
        <NotApplicableReason
          id={id}
          reason={draft.reason}
          problem={problem}
          sealed={sealed}
          onChange={(reason) => setDraft({ ...draft, reason })}
          onLeave={() => {
            if (rating.edited('reason') || record?.rating !== 'na') void save(draft);
          }}
        />
      ) : null}
      {evidence}
      {findings}
      <details className="guidance">
        <summary>Guidance and evidence for {code}</summary>
        <p>{criterion.guidance}</p>
        <p className="muted">Examples of evidence:</p>
        <ul>
          {criterion.evidenceExamples.map((example) => (
            <li key={example}>{example}</li>
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
            if (rating.edited('note') && draft.rating) void save(draft);
          }}
        />
        {!draft.rating && draft.note ? (
          <p className="hint">Choose a rating to save this note.</p>
        ) : null}
      </div>
      <div className="criterion-foot">
        <SaveStatus saveState={rating.saveState} awaitingEvidence={awaitingEvidence} />
        <ProblemMessage problem={draft.rating === 'na' ? '' : problem} />
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

/** Why Not applicable: asked for as soon as it is chosen, and saved when the field is left. */
function NotApplicableReason({
  id,
  reason,
  problem,
  sealed,
  onChange,
  onLeave,
}: {
  id: string;
  reason: string;
  /** The card's problem, shown here while the reason is still missing. */
  problem: string;
  sealed: boolean;
  onChange: (reason: string) => void;
  onLeave: () => void;
}) {
  const error = problem && !reason.trim() ? problem : undefined;
  const errorId = `${id}-reason-error`;
  return (
    <Field id={`${id}-reason`} label="Why is this not applicable?" error={error} errorId={errorId}>
      <input
        id={`${id}-reason`}
        className="input input-long"
        value={reason}
        readOnly={sealed}
        aria-describedby={describedBy(error && errorId)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onLeave}
      />
    </Field>
  );
}

/** Whether the card's rating is saved, for the eye (screen readers hear the announcement). */
function SaveStatus({
  saveState,
  awaitingEvidence,
}: {
  saveState: SaveState;
  awaitingEvidence: boolean;
}) {
  return (
    <span
      className={`save-state${awaitingEvidence ? ' save-state-pending' : ''}`}
      aria-hidden="true"
    >
      {saveState === 'saving'
        ? 'Saving…'
        : awaitingEvidence
          ? 'Not saved yet'
          : saveState === 'saved'
            ? 'Saved'
            : ''}
    </span>
  );
}
