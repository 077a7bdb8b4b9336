import type { Decision } from '../../../shared/accreditation/schema';
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from '../../../shared/assessment/ratings';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { invoke } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/fields';
import { capitalisedErrorsFrom } from '../../components/problems';
import { RadioGroup } from '../../components/RadioGroup';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';

interface Draft {
  outcome: Outcome | '';
  conditions: string;
  conditionsDue: string;
  reasons: string;
  decidedBy: string;
}

function checkDecision(draft: Draft): FieldError[] {
  const problems: FieldError[] = [];
  if (!draft.outcome) problems.push({ field: 'outcome', message: 'Choose the outcome' });
  if (draft.outcome === 'conditional') {
    if (!draft.conditions.trim())
      problems.push({ field: 'conditions', message: 'Set out the conditions' });
    if (!draft.conditionsDue)
      problems.push({ field: 'conditionsDue', message: 'Give the date the conditions are due' });
  }
  if (!draft.decidedBy.trim())
    problems.push({ field: 'decidedBy', message: 'Enter the name of who decides' });
  return problems;
}

/** The decision-maker's record: outcome, conditions with their due date, reasons and who decided. */
export function DecisionForm({
  assessment,
  recommended,
  defaultDecider,
  conditionsWithinDays,
  onRecorded,
}: {
  assessment: AssessmentSummary;
  recommended: Outcome;
  /** The profile's name, when there is a profile. */
  defaultDecider: string | null;
  conditionsWithinDays: number;
  onRecorded: (decision: Decision) => void;
}) {
  const form = useForm<Draft>({
    initial: {
      outcome: '',
      conditions: '',
      conditionsDue: '',
      reasons: '',
      decidedBy: defaultDecider ?? '',
    },
    check: checkDecision,
    send: async ({ outcome, conditions, conditionsDue, reasons, decidedBy }) => {
      if (!outcome) return;
      const conditional = outcome === 'conditional';
      onRecorded(
        await invoke('decisions.record', {
          assessmentId: assessment.id,
          outcome,
          decidedBy: decidedBy.trim(),
          conditions: conditional ? conditions.trim() : null,
          conditionsDue: conditional ? conditionsDue : null,
          reasons: reasons.trim() || null,
        }),
      );
    },
    errorsFrom: capitalisedErrorsFrom,
  });
  const { field } = form;
  return (
    <form onSubmit={form.onSubmit} noValidate className="form" aria-labelledby="decide-heading">
      <h2 id="decide-heading">Record the decision</h2>
      <ErrorSummary errors={form.errors} title="The decision could not be recorded" />
      <RadioGroup
        {...field('outcome')}
        legend="Outcome"
        options={OUTCOMES}
        labels={OUTCOME_LABELS}
        optionHints={{
          accredited: 'A certificate is issued for the framework’s validity period.',
          conditional:
            'A certificate is issued; the conditions must be met by their due date or the award lapses.',
          'not-accredited': 'No certificate. The provider can be assessed again.',
        }}
      >
        {form.draft.outcome === 'conditional' ? (
          <div className="conditional-reveal">
            <TextArea
              {...field('conditions')}
              label="Conditions"
              hint="What the provider must do, each condition on its own line."
              rows={3}
              required
            />
            <TextField
              {...field('conditionsDue')}
              label="Conditions due by"
              type="date"
              hint={`After today and within ${conditionsWithinDays} days.`}
              width="medium"
              required
            />
          </div>
        ) : null}
      </RadioGroup>
      <TextArea
        {...field('reasons')}
        label="Reasons"
        hint={`What the decision rests on; especially where it differs from the recommended outcome (${OUTCOME_LABELS[recommended]}).`}
        rows={3}
      />
      <TextField
        {...field('decidedBy')}
        label="Decided by"
        hint={`${defaultDecider ? 'Filled in from your profile. ' : ''}The decision is made by someone who did not assess: not ${assessment.assessor ?? 'the assessor'}.`}
        autoComplete="name"
        width="medium"
        required
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} busyLabel="Recording…">
          Record the decision
        </SubmitButton>
      </div>
    </form>
  );
}
