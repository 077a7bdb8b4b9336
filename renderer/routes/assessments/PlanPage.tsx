import { useState } from 'react';
import { useParams } from 'react-router';
import type { RatingValue } from '../../../shared/assessment/ratings';
import type { AssessmentDetail, ImprovementAction } from '../../../shared/assessment/schema';
import { allCriteria } from '../../../shared/framework/traverse';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate } from '../../components/labels';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { ActionForm } from './ActionForm';
import { AssessmentHeader } from './AssessmentHeader';

export function PlanPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => invoke('assessments.get', { id }), [id]);
  return (
    <LoadedPage title="Improvement plan" state={state} what="the improvement plan">
      {(detail) => <Plan detail={detail} reload={state.reload} />}
    </LoadedPage>
  );
}

/** An action for every criterion rated Not met or Partially met, and those left from before. */
function Plan({ detail, reload }: { detail: AssessmentDetail; reload: () => void }) {
  const [message, setMessage] = useState('');
  const { assessment, framework, ratings, actions } = detail;
  const sealed = assessment.status === 'submitted' || assessment.status === 'decided';
  const ratingOf = new Map(ratings.map((r) => [r.criterion, r.rating]));
  const actionOf = new Map(actions.map((a) => [a.criterion, a]));
  const gaps = allCriteria(framework).filter(({ criterion }) => {
    const rating = ratingOf.get(criterion.code);
    return rating === 'not-met' || rating === 'partial';
  });
  const withoutAction = gaps.filter(({ criterion }) => !actionOf.has(criterion.code)).length;
  const elsewhere = actions.filter(
    (a) => !gaps.some(({ criterion }) => criterion.code === a.criterion),
  );
  const changed = (text: string) => {
    setMessage(text);
    reload();
  };

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
          {plural(gaps.length, 'criterion is', 'criteria are')} not fully met
          {withoutAction > 0
            ? `; ${plural(withoutAction, 'still needs', 'still need')} an action`
            : '; each has an action'}
          .
        </p>
      )}
      {gaps.map(({ criterion }) => (
        <ActionForm
          key={`${criterion.code}:${actionOf.get(criterion.code)?.updatedAt ?? ''}`}
          assessmentId={assessment.id}
          criterion={criterion}
          rating={ratingOf.get(criterion.code) as RatingValue}
          action={actionOf.get(criterion.code)}
          sealed={sealed}
          onSaved={changed}
        />
      ))}
      {elsewhere.length > 0 ? (
        <OtherActions actions={elsewhere} sealed={sealed} onRemoved={changed} />
      ) : null}
    </Page>
  );
}

/** Actions kept for criteria since rated Met or Not applicable, which can now be removed. */
function OtherActions({
  actions,
  sealed,
  onRemoved,
}: {
  actions: ImprovementAction[];
  sealed: boolean;
  onRemoved: (message: string) => void;
}) {
  return (
    <section aria-labelledby="other-actions">
      <h2 id="other-actions">Actions for criteria now met</h2>
      <ul>
        {actions.map((action) => (
          <li key={action.id}>
            <span className="criterion-code">{action.criterion}</span> {action.description} (
            {action.owner}, due {formatDate(action.dueDate)}, {action.status}){' '}
            {!sealed ? (
              <button
                type="button"
                className="button link small"
                onClick={() =>
                  void invoke('actions.delete', { id: action.id }).then(() =>
                    onRemoved(`Action for ${action.criterion} removed.`),
                  )
                }
              >
                Remove <span className="visually-hidden">action for {action.criterion}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
