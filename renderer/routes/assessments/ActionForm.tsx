import { RATING_LABELS, type RatingValue } from '../../../shared/assessment/ratings';
import type { ImprovementAction } from '../../../shared/assessment/schema';
import type { Criterion } from '../../../shared/framework/schema';
import { invoke } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { formatDate } from '../../components/labels';
import { useForm } from '../../components/use-form';
import { criterionKey } from './criterion-links';

interface Draft {
  description: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'done';
}

function checkAction({
  draft,
  code,
  prefix,
}: {
  draft: Draft;
  code: string;
  prefix: string;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (draft.description.trim().length < 3)
    problems.push({ field: `${prefix}description`, message: `Describe the action for ${code}` });
  if (draft.owner.trim().length < 2)
    problems.push({ field: `${prefix}owner`, message: `Name who owns the action for ${code}` });
  if (!draft.dueDate)
    problems.push({ field: `${prefix}dueDate`, message: `Give a due date for ${code}` });
  return problems;
}

/** The improvement action for one criterion not fully met: what, who, by when, and whether done. */
export function ActionForm({
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
  const key = criterionKey(criterion.code);
  const prefix = `${key}-`;
  const form = useForm<Draft>({
    initial: {
      description: action?.description ?? '',
      owner: action?.owner ?? '',
      dueDate: action?.dueDate ?? '',
      status: action?.status ?? 'open',
    },
    prefix,
    check: (draft) => checkAction({ draft, code: criterion.code, prefix }),
    send: async (draft) => {
      await invoke('actions.save', { assessmentId, criterion: criterion.code, ...draft });
      onSaved(`Action for ${criterion.code} saved.`);
    },
  });
  // Each question: a label, its error if any, and a control described by that error.
  const question = (name: keyof Draft, label: string) => {
    const { error } = form.field(name);
    const ids = { id: `field-${prefix}${name}`, errorId: `error-${prefix}${name}` };
    return {
      frame: { ...ids, label, error },
      control: { id: ids.id, 'aria-describedby': describedBy(error && ids.errorId) },
    };
  };
  const description = question('description', 'What will be done');
  const owner = question('owner', 'Owner');
  const dueDate = question('dueDate', 'Due date');
  const status = question('status', 'Status');
  const { draft, set } = form;
  return (
    <form
      className="panel plan-item"
      onSubmit={form.onSubmit}
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
      <ErrorSummary errors={form.errors} title={`Check the action for ${criterion.code}`} />
      <fieldset className="fieldset" disabled={sealed}>
        <legend className="visually-hidden">Improvement action for {criterion.code}</legend>
        <Field {...description.frame}>
          <textarea
            {...description.control}
            className="input input-long"
            rows={2}
            value={draft.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        </Field>
        <div className="field-row">
          <Field {...owner.frame}>
            <input
              {...owner.control}
              className="input input-medium"
              value={draft.owner}
              onChange={(e) => set('owner')(e.target.value)}
            />
          </Field>
          <Field {...dueDate.frame}>
            <input
              {...dueDate.control}
              type="date"
              className="input"
              value={draft.dueDate}
              onChange={(e) => set('dueDate')(e.target.value)}
            />
          </Field>
          <Field {...status.frame}>
            <select
              {...status.control}
              className="input"
              value={draft.status}
              onChange={(e) => set('status')(e.target.value as Draft['status'])}
            >
              <option value="open">Open</option>
              <option value="done">Done</option>
            </select>
          </Field>
        </div>
        <button type="submit" className="button small">
          Save action <span className="visually-hidden">for {criterion.code}</span>
        </button>
      </fieldset>
    </form>
  );
}
