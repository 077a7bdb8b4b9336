import { useState, type FormEvent } from 'react';
import type { Decision } from '../../../shared/accreditation/schema';
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from '../../../shared/assessment/ratings';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { invoke } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/fields';
import { fieldErrorsFrom } from '../../components/problems';
import { RadioGroup } from '../../components/RadioGroup';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [conditions, setConditions] = useState('');
  const [conditionsDue, setConditionsDue] = useState('');
  const [reasons, setReasons] = useState('');
  const [decidedBy, setDecidedBy] = useState(defaultDecider ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!outcome) problems.push({ field: 'outcome', message: 'Choose the outcome' });
    if (outcome === 'conditional') {
      if (!conditions.trim())
        problems.push({ field: 'conditions', message: 'Set out the conditions' });
      if (!conditionsDue)
        problems.push({ field: 'conditionsDue', message: 'Give the date the conditions are due' });
    }
    if (!decidedBy.trim())
      problems.push({ field: 'decidedBy', message: 'Enter the name of who decides' });
    setErrors(problems);
    if (problems.length > 0 || !outcome) return;
    setBusy(true);
    try {
      onRecorded(
        await invoke('decisions.record', {
          assessmentId: assessment.id,
          outcome,
          decidedBy: decidedBy.trim(),
          conditions: outcome === 'conditional' ? conditions.trim() : null,
          conditionsDue: outcome === 'conditional' ? conditionsDue : null,
          reasons: reasons.trim() || null,
        }),
      );
    } catch (error) {
      setErrors(fieldErrorsFrom(error).map((e) => ({ ...e, message: capitalise(e.message) })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="form"
      aria-labelledby="decide-heading"
    >
      <h2 id="decide-heading">Record the decision</h2>
      <ErrorSummary errors={errors} title="The decision could not be recorded" />
      <RadioGroup
        name="outcome"
        legend="Outcome"
        value={outcome}
        options={OUTCOMES}
        labels={OUTCOME_LABELS}
        optionHints={{
          accredited: 'A certificate is issued for the framework’s validity period.',
          conditional:
            'A certificate is issued; the conditions must be met by their due date or the award lapses.',
          'not-accredited': 'No certificate. The provider can be assessed again.',
        }}
        onChange={setOutcome}
        error={errorFor('outcome')}
      >
        {outcome === 'conditional' ? (
          <div className="conditional-reveal">
            <TextArea
              name="conditions"
              label="Conditions"
              hint="What the provider must do, each condition on its own line."
              value={conditions}
              onChange={setConditions}
              error={errorFor('conditions')}
              rows={3}
              required
            />
            <TextField
              name="conditionsDue"
              label="Conditions due by"
              type="date"
              hint={`After today and within ${conditionsWithinDays} days.`}
              value={conditionsDue}
              onChange={setConditionsDue}
              error={errorFor('conditionsDue')}
              width="medium"
              required
            />
          </div>
        ) : null}
      </RadioGroup>
      <TextArea
        name="reasons"
        label="Reasons"
        hint={`What the decision rests on; especially where it differs from the recommended outcome (${OUTCOME_LABELS[recommended]}).`}
        value={reasons}
        onChange={setReasons}
        error={errorFor('reasons')}
        rows={3}
      />
      <TextField
        name="decidedBy"
        label="Decided by"
        hint={`${defaultDecider ? 'Filled in from your profile. ' : ''}The decision is made by someone who did not assess: not ${assessment.assessor ?? 'the assessor'}.`}
        value={decidedBy}
        onChange={setDecidedBy}
        error={errorFor('decidedBy')}
        autoComplete="name"
        width="medium"
        required
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Recording…' : 'Record the decision'}
        </button>
      </div>
    </form>
  );
}
