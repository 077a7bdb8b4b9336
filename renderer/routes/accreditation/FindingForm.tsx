import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Finding } from '../../../shared/accreditation/schema';
import {
  FINDING_TYPES,
  FINDING_TYPE_LABELS,
  isNonconformity,
  type FindingType,
} from '../../../shared/accreditation/vocabulary';
import { invoke } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/fields';
import { fieldErrorsFrom } from '../../components/problems';
import { RadioGroup } from '../../components/RadioGroup';

const TYPE_HINTS: Record<FindingType, string> = {
  observation: 'Worth noting; no action needed.',
  'good-practice': 'Something others could learn from.',
  'minor-nc': 'A criterion partly not met; needs an action.',
  'major-nc': 'A criterion not met, or a risk to people; needs an action.',
};

interface Draft {
  type: FindingType | '';
  text: string;
  action: string;
  actionOwner: string;
  actionDue: string;
}

const draftOf = (f: Finding | undefined): Draft => ({
  type: f?.type ?? '',
  text: f?.text ?? '',
  action: f?.action ?? '',
  actionOwner: f?.actionOwner ?? '',
  actionDue: f?.actionDue ?? '',
});

/**
 * Adds or edits one finding. A nonconformity cannot be saved without the action it requires,
 * who owns it and when it is due; the fields for those appear as soon as one is chosen.
 */
export function FindingForm({
  assessmentId,
  code,
  finding,
  onSaved,
  onCancel,
}: {
  assessmentId: string;
  code: string;
  finding?: Finding;
  onSaved: (saved: Finding) => void;
  onCancel: () => void;
}) {
  const prefix = `finding-${code.replace('.', '-')}-${finding?.id ?? 'new'}`;
  const [draft, setDraft] = useState<Draft>(() => draftOf(finding));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The button that opened the form is gone; focus starts on the form's first question instead.
  useEffect(() => {
    const radios = formRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const checked = [...(radios ?? [])].find((r) => r.checked);
    (checked ?? radios?.[0])?.focus();
  }, []);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const errorFor = (field: string) => errors.find((e) => e.field === `${prefix}-${field}`)?.message;
  const nc = draft.type !== '' && isNonconformity(draft.type);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    const need = (field: keyof Draft, message: string) => {
      if (!draft[field].trim()) problems.push({ field: `${prefix}-${field}`, message });
    };
    need('type', 'Choose the type of finding');
    need('text', 'Describe what you found');
    if (nc) {
      need('action', 'A nonconformity needs the action required');
      need('actionOwner', 'Name who owns the action');
      need('actionDue', 'Give the date the action is due');
    }
    setErrors(problems);
    if (problems.length > 0 || draft.type === '') return;
    setBusy(true);
    try {
      onSaved(
        await invoke('findings.save', {
          ...(finding ? { id: finding.id } : {}),
          assessmentId,
          criterion: code,
          type: draft.type,
          text: draft.text.trim(),
          action: nc ? draft.action.trim() : null,
          actionOwner: nc ? draft.actionOwner.trim() : null,
          actionDue: nc ? draft.actionDue : null,
        }),
      );
    } catch (error) {
      setErrors(fieldErrorsFrom(error, (path) => `${prefix}-${path.split(/[.[]/)[0] ?? ''}`));
    } finally {
      setBusy(false);
    }
  }

  const label = finding ? `Edit the finding on ${code}` : `Add a finding on ${code}`;
  return (
    <form
      className="finding-form"
      aria-label={label}
      onSubmit={(e) => void submit(e)}
      noValidate
      id={`${prefix}-form`}
      ref={formRef}
    >
      <ErrorSummary errors={errors} title="The finding could not be saved" />
      <RadioGroup
        name={`${prefix}-type`}
        legend="Type of finding"
        value={draft.type}
        options={FINDING_TYPES}
        labels={FINDING_TYPE_LABELS}
        optionHints={TYPE_HINTS}
        onChange={set('type')}
        error={errorFor('type')}
        disabled={busy}
      />
      <TextArea
        name={`${prefix}-text`}
        label="What you found"
        value={draft.text}
        onChange={set('text')}
        error={errorFor('text')}
        rows={3}
        required
      />
      {nc ? (
        <fieldset className="fieldset nested">
          <legend>Action required</legend>
          <p className="hint">A nonconformity must have an action, an owner and a due date.</p>
          <TextArea
            name={`${prefix}-action`}
            label="What must be done"
            value={draft.action}
            onChange={set('action')}
            error={errorFor('action')}
            rows={2}
            required
          />
          <div className="field-row">
            <TextField
              name={`${prefix}-actionOwner`}
              label="Owner"
              hint="Who at the provider will do it"
              value={draft.actionOwner}
              onChange={set('actionOwner')}
              error={errorFor('actionOwner')}
              width="medium"
              required
            />
            <TextField
              name={`${prefix}-actionDue`}
              label="Due date"
              type="date"
              hint="When it must be done by"
              value={draft.actionDue}
              onChange={set('actionDue')}
              error={errorFor('actionDue')}
              width="medium"
              required
            />
          </div>
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button small" disabled={busy}>
          {busy ? 'Saving…' : 'Save finding'} <span className="visually-hidden">on {code}</span>
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
