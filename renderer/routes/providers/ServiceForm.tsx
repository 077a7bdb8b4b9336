import { useState, type FormEvent } from 'react';
import type { Service, ServiceInput } from '../../../shared/providers/schema';
import {
  REFERRAL_ROUTES,
  REFERRAL_ROUTE_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  type ReferralRoute,
  type ServiceCategory,
} from '../../../shared/providers/vocabulary';
import { invoke } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/fields';
import { fieldErrorsFrom } from '../../components/problems';

interface Draft {
  name: string;
  category: ServiceCategory | '';
  description: string;
  referralRoute: ReferralRoute | '';
  selfReferral: boolean;
  acceptingReferrals: boolean;
  placesPerMonth: string;
  waitingWeeks: string;
}

function draftFrom(s?: Service): Draft {
  return {
    name: s?.name ?? '',
    category: s?.category ?? '',
    description: s?.description ?? '',
    referralRoute: s?.referralRoute ?? '',
    selfReferral: s?.selfReferral ?? false,
    acceptingReferrals: s?.acceptingReferrals ?? true,
    placesPerMonth: s?.placesPerMonth?.toString() ?? '',
    waitingWeeks: s?.waitingWeeks?.toString() ?? '',
  };
}

function whole(value: string, field: string, label: string, errors: FieldError[]): number | null {
  if (value.trim() === '') return null;
  if (!/^\d+$/.test(value.trim())) {
    errors.push({ field, message: `${label} must be a whole number` });
    return null;
  }
  return Number(value);
}

/** Adds a service to a provider, or edits one; a change to capacity counts as confirming it today. */
export function ServiceForm({
  providerId,
  service,
  onSaved,
  onCancel,
}: {
  providerId: string;
  service?: Service;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(service));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const prefix = service ? `service-${service.id}` : 'new-service';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!draft.name.trim())
      problems.push({ field: `${prefix}-name`, message: 'Enter the service’s name' });
    if (!draft.category)
      problems.push({ field: `${prefix}-category`, message: 'Choose a category' });
    if (!draft.referralRoute)
      problems.push({ field: `${prefix}-referralRoute`, message: 'Choose who can refer' });
    const placesPerMonth = whole(
      draft.placesPerMonth,
      `${prefix}-placesPerMonth`,
      'Places per month',
      problems,
    );
    const waitingWeeks = whole(
      draft.waitingWeeks,
      `${prefix}-waitingWeeks`,
      'Waiting time',
      problems,
    );
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    const fields: ServiceInput = {
      name: draft.name,
      category: draft.category as ServiceCategory,
      description: draft.description,
      referralRoute: draft.referralRoute as ReferralRoute,
      selfReferral: draft.selfReferral,
      acceptingReferrals: draft.acceptingReferrals,
      placesPerMonth,
      waitingWeeks,
    };
    setSaving(true);
    try {
      if (service) await invoke('services.update', { id: service.id, fields });
      else await invoke('services.create', { providerId, fields });
      onSaved();
    } catch (error) {
      setErrors(fieldErrorsFrom(error, (path) => `${prefix}-${path.split(/[.[]/)[0] ?? ''}`));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="form panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={service ? `Edit ${service.name}` : 'Add a service'}
    >
      <ErrorSummary errors={errors} />
      <TextField
        name={`${prefix}-name`}
        label="Service or activity name"
        value={draft.name}
        onChange={set('name')}
        error={errorFor(`${prefix}-name`)}
        required
      />
      <SelectField
        name={`${prefix}-category`}
        label="Category"
        value={draft.category}
        onChange={set('category')}
        options={SERVICE_CATEGORIES}
        labels={SERVICE_CATEGORY_LABELS}
        emptyLabel="Choose…"
        error={errorFor(`${prefix}-category`)}
        required
      />
      <TextArea
        name={`${prefix}-description`}
        label="Description"
        hint="What it offers and what it does not, when and where it runs"
        value={draft.description}
        onChange={set('description')}
        error={errorFor(`${prefix}-description`)}
        rows={3}
      />
      <SelectField
        name={`${prefix}-referralRoute`}
        label="Who can refer"
        value={draft.referralRoute}
        onChange={set('referralRoute')}
        options={REFERRAL_ROUTES}
        labels={REFERRAL_ROUTE_LABELS}
        emptyLabel="Choose…"
        error={errorFor(`${prefix}-referralRoute`)}
        required
      />
      <CheckboxField
        name={`${prefix}-selfReferral`}
        label="People can refer themselves"
        checked={draft.selfReferral}
        onChange={set('selfReferral')}
      />
      <fieldset className="fieldset">
        <legend>Referral capacity</legend>
        <CheckboxField
          name={`${prefix}-acceptingReferrals`}
          label="Accepting referrals now"
          checked={draft.acceptingReferrals}
          onChange={set('acceptingReferrals')}
        />
        <TextField
          name={`${prefix}-placesPerMonth`}
          label="Places per month"
          value={draft.placesPerMonth}
          onChange={set('placesPerMonth')}
          error={errorFor(`${prefix}-placesPerMonth`)}
          width="short"
          inputMode="numeric"
        />
        <TextField
          name={`${prefix}-waitingWeeks`}
          label="Current waiting time in weeks"
          value={draft.waitingWeeks}
          onChange={set('waitingWeeks')}
          error={errorFor(`${prefix}-waitingWeeks`)}
          width="short"
          inputMode="numeric"
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : service ? 'Save service' : 'Add service'}
        </button>
        <button type="button" className="button link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
