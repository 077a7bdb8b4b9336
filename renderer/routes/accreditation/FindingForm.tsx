import { useEffect, useRef } from 'react';
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
import { RadioGroup } from '../../components/RadioGroup';
import { useForm } from '../../components/use-form';
import { criterionKey } from '../assessments/criterion-links';

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

const draftOf = (finding: Finding | undefined): Draft => ({
  type: finding?.type ?? '',
  text: finding?.text ?? '',
  action: finding?.action ?? '',
  actionOwner: finding?.actionOwner ?? '',
  actionDue: finding?.actionDue ?? '',
});

const isNonconformityDraft = (draft: Draft) => draft.type !== '' && isNonconformity(draft.type);

function checkFinding(draft: Draft, prefix: string): FieldError[] {
  const problems: FieldError[] = [];
  const need = (field: keyof Draft, message: string) => {
    if (!draft[field].trim()) problems.push({ field: `${prefix}${field}`, message });
  };
  need('type', 'Choose the type of finding');
  need('text', 'Describe what you found');
  if (isNonconformityDraft(draft)) {
    need('action', 'A nonconformity needs the action required');
    need('actionOwner', 'Name who owns the action');
    need('actionDue', 'Give the date the action is due');
  }
  return problems;
}

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
  const prefix = `finding-${criterionKey(code)}-${finding?.id ?? 'new'}-`;
  const form = useForm({
    initial: () => draftOf(finding),
    prefix,
    check: (draft) => checkFinding(draft, prefix),
    send: async (draft) => {
      if (draft.type === '') return;
      const nc = isNonconformityDraft(draft);
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
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  // The button that opened the form is gone; focus starts on the form's first question instead.
  useEffect(() => {
    const radios = formRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const checked = [...(radios ?? [])].find((radio) => radio.checked);
    (checked ?? radios?.[0])?.focus();
  }, []);
  const { field, busy } = form;

  return (
    <form
      className="finding-form"
      aria-label={finding ? `Edit the finding on ${code}` : `Add a finding on ${code}`}
      onSubmit={form.onSubmit}
      noValidate
      id={`${prefix}form`}
      ref={formRef}
    >
      <ErrorSummary errors={form.errors} title="The finding could not be saved" />
      <RadioGroup
        {...field('type')}
        legend="Type of finding"
        options={FINDING_TYPES}
        labels={FINDING_TYPE_LABELS}
        optionHints={TYPE_HINTS}
        disabled={busy}
      />
      <TextArea {...field('text')} label="What you found" rows={3} required />
      {isNonconformityDraft(form.draft) ? (
        <fieldset className="fieldset nested">
          <legend>Action required</legend>
          <p className="hint">A nonconformity must have an action, an owner and a due date.</p>
          <TextArea {...field('action')} label="What must be done" rows={2} required />
          <div className="field-row">
            <TextField
              {...field('actionOwner')}
              label="Owner"
              hint="Who at the provider will do it"
              width="medium"
              required
            />
            <TextField
              {...field('actionDue')}
              label="Due date"
              type="date"
              hint="When it must be done by"
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
