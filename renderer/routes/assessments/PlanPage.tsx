import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { RATING_LABELS, type RatingValue } from '../../../shared/assessment/ratings';
import type { ImprovementAction } from '../../../shared/assessment/schema';
import type { Criterion } from '../../../shared/framework/schema';
import { allCriteria } from '../../../shared/framework/traverse';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { formatDate } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom } from '../../components/problems';
import { AssessmentHeader } from './AssessmentHeader';

function ActionForm({
  assessmentId,
  criterion,
  rating,
  action,
  sealed,
  onSaved,
}: {
  assessmentId: string;
  criterion: Criterion;
  rating: RatingValue;
  action: ImprovementAction | undefined;
  sealed: boolean;
  onSaved: (message: string) => void;
}) {
  const [description, setDescription] = useState(action?.description ?? '');
  const [owner, setOwner] = useState(action?.owner ?? '');
  const [dueDate, setDueDate] = useState(action?.dueDate ?? '');
  const [status, setStatus] = useState<'open' | 'done'>(action?.status ?? 'open');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const key = criterion.code.replace('.', '-');
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (description.trim().length < 3)
      problems.push({
        field: `${key}-description`,
        message: `Describe the action for ${criterion.code}`,
      });
    if (owner.trim().length < 2)
      problems.push({
        field: `${key}-owner`,
        message: `Name who owns the action for ${criterion.code}`,
      });
    if (!dueDate)
      problems.push({ field: `${key}-dueDate`, message: `Give a due date for ${criterion.code}` });
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      await invoke('actions.save', {
        assessmentId,
        criterion: criterion.code,
        description,
        owner,
        dueDate,
        status,
      });
      onSaved(`Action for ${criterion.code} saved.`);
    } catch (error) {
      setErrors(fieldErrorsFrom(error, (path) => `${key}-${path}`));
    }
  }

  const field = (name: string, label: string, input: ReactNode) => (
    <div className={`field${errorFor(`${key}-${name}`) ? ' field-error' : ''}`}>
      <label htmlFor={`field-${key}-${name}`}>{label}</label>
      {errorFor(`${key}-${name}`) ? (
        <p className="error-message" id={`error-${key}-${name}`}>
          <span className="visually-hidden">Error: </span>
          {errorFor(`${key}-${name}`)}
        </p>
      ) : null}
      {input}
    </div>
  );

  return (
    <form
      className="panel plan-item"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`plan-${key}`}
    >
      <h3 id={`plan-${key}`}>
        <span className="criterion-code">{criterion.code}</span> {criterion.statement}
      </h3>
      <p>
        Rated <strong>{RATING_LABELS[rating]}</strong>
        {criterion.level === 'essential' ? (
          <span className="badge badge-essential">Essential</span>
        ) : null}
        {action ? (
          <span className="muted"> · last saved {formatDate(action.updatedAt)}</span>
        ) : null}
      </p>
      <ErrorSummary errors={errors} title={`Check the action for ${criterion.code}`} />
      <fieldset className="fieldset" disabled={sealed}>
        <legend className="visually-hidden">Improvement action for {criterion.code}</legend>
        {field(
          'description',
          'What will be done',
          <textarea
            id={`field-${key}-description`}
            className="input input-long"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-describedby={
              errorFor(`${key}-description`) ? `error-${key}-description` : undefined
            }
          />,
        )}
        <div className="field-row">
          {field(
            'owner',
            'Owner',
            <input
              id={`field-${key}-owner`}
              className="input input-medium"
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
              aria-describedby={errorFor(`${key}-owner`) ? `error-${key}-owner` : undefined}
            />,
          )}
          {field(
            'dueDate',
            'Due date',
            <input
              id={`field-${key}-dueDate`}
              type="date"
              className="input"
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
              aria-describedby={errorFor(`${key}-dueDate`) ? `error-${key}-dueDate` : undefined}
            />,
          )}
          {field(
            'status',
            'Status',
            <select
              id={`field-${key}-status`}
              className="input"
              value={status}
              onChange={(e) => setStatus(e.target.value as 'open' | 'done')}
            >
              <option value="open">Open</option>
              <option value="done">Done</option>
            </select>,
          )}
        </div>
        <button type="submit" className="button small">
          Save action <span className="visually-hidden">for {criterion.code}</span>
        </button>
      </fieldset>
    </form>
  );
}

export function PlanPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => invoke('assessments.get', { id }), [id]);
  const [message, setMessage] = useState('');
  if (state.error)
    return (
      <Page title="Improvement plan">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Improvement plan">
        <Loading what="the improvement plan" />
      </Page>
    );
  const { assessment, framework, ratings, actions } = state.data;
  const sealed = assessment.status === 'submitted' || assessment.status === 'decided';
  const ratingOf = new Map(ratings.map((r) => [r.criterion, r.rating]));
  const actionOf = new Map(actions.map((a) => [a.criterion, a]));
  const gaps = allCriteria(framework).filter(({ criterion }) => {
    const r = ratingOf.get(criterion.code);
    return r === 'not-met' || r === 'partial';
  });
  const withoutAction = gaps.filter(({ criterion }) => !actionOf.has(criterion.code)).length;
  const elsewhere = actions.filter(
    (a) => !gaps.some(({ criterion }) => criterion.code === a.criterion),
  );

  return (
    <Page title={`Improvement plan: ${assessment.providerName}`}>
      <AssessmentHeader assessment={assessment} current="plan" />
      <p role="status" className="status-line">
        {message}
      </p>
      {gaps.length === 0 ? (
        <p>No criterion is rated Not met or Partially met, so there is nothing to plan yet.</p>
      ) : (
        <p>
          {gaps.length} {gaps.length === 1 ? 'criterion is' : 'criteria are'} not fully met
          {withoutAction > 0
            ? `; ${withoutAction} still ${withoutAction === 1 ? 'needs' : 'need'} an action`
            : '; each has an action'}
          .
        </p>
      )}
      {gaps.map(({ criterion }) => (
        <ActionForm
          key={`${criterion.code}:${actionOf.get(criterion.code)?.updatedAt ?? ''}`}
          assessmentId={id}
          criterion={criterion}
          rating={ratingOf.get(criterion.code) as RatingValue}
          action={actionOf.get(criterion.code)}
          sealed={sealed}
          onSaved={(text) => {
            setMessage(text);
            state.reload();
          }}
        />
      ))}
      {elsewhere.length > 0 ? (
        <section aria-labelledby="other-actions">
          <h2 id="other-actions">Actions for criteria now met</h2>
          <ul>
            {elsewhere.map((a) => (
              <li key={a.id}>
                <span className="criterion-code">{a.criterion}</span> {a.description} ({a.owner},
                due {formatDate(a.dueDate)}, {a.status}){' '}
                {!sealed ? (
                  <button
                    type="button"
                    className="button link small"
                    onClick={() =>
                      void invoke('actions.delete', { id: a.id }).then(() => {
                        setMessage(`Action for ${a.criterion} removed.`);
                        state.reload();
                      })
                    }
                  >
                    Remove <span className="visually-hidden">action for {a.criterion}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
