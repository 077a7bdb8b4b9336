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
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';

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

function draftFrom(service?: Service): Draft {
  return {
    name: service?.name ?? '',
    category: service?.category ?? '',
    description: service?.description ?? '',
    referralRoute: service?.referralRoute ?? '',
    selfReferral: service?.selfReferral ?? false,
    acceptingReferrals: service?.acceptingReferrals ?? true,
    placesPerMonth: service?.placesPerMonth?.toString() ?? '',
    waitingWeeks: service?.waitingWeeks?.toString() ?? '',
  };
}

/** A count as typed: left empty it is not known; otherwise it must be a whole number. */
const isWholeOrEmpty = (typed: string) => typed.trim() === '' || /^\d+$/.test(typed.trim());
const countFrom = (typed: string) => (typed.trim() === '' ? null : Number(typed));

function checkService(draft: Draft, prefix: string): FieldError[] {
  const problems: FieldError[] = [];
  const need = (ok: unknown, key: keyof Draft, message: string) => {
    if (!ok) problems.push({ field: `${prefix}${key}`, message });
  };
  need(draft.name.trim(), 'name', 'Enter the service’s name');
  need(draft.category, 'category', 'Choose a category');
  need(draft.referralRoute, 'referralRoute', 'Choose who can refer');
  need(
    isWholeOrEmpty(draft.placesPerMonth),
    'placesPerMonth',
    'Places per month must be a whole number',
  );
  need(isWholeOrEmpty(draft.waitingWeeks), 'waitingWeeks', 'Waiting time must be a whole number');
  return problems;
}

function inputFrom(draft: Draft): ServiceInput {
  return {
    name: draft.name,
    category: draft.category as ServiceCategory,
    description: draft.description,
    referralRoute: draft.referralRoute as ReferralRoute,
    selfReferral: draft.selfReferral,
    acceptingReferrals: draft.acceptingReferrals,
    placesPerMonth: countFrom(draft.placesPerMonth),
    waitingWeeks: countFrom(draft.waitingWeeks),
  };
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
  // Several services' forms can be open at once, so each one's fields have their own names.
  const prefix = service ? `service-${service.id}-` : 'new-service-';
  const form = useForm({
    initial: () => draftFrom(service),
    prefix,
    check: (draft) => checkService(draft, prefix),
    send: async (draft) => {
      const fields = inputFrom(draft);
      if (service) await invoke('services.update', { id: service.id, fields });
      else await invoke('services.create', { providerId, fields });
      onSaved();
    },
  });
  const { field } = form;
  return (
    <form
      className="form panel"
      onSubmit={form.onSubmit}
      noValidate
      aria-label={service ? `Edit ${service.name}` : 'Add a service'}
    >
      <ErrorSummary errors={form.errors} />
      <TextField {...field('name')} label="Service or activity name" required />
      <SelectField
        {...field('category')}
        label="Category"
        options={SERVICE_CATEGORIES}
        labels={SERVICE_CATEGORY_LABELS}
        emptyLabel="Choose…"
        required
      />
      <TextArea
        {...field('description')}
        label="Description"
        hint="What it offers and what it does not, when and where it runs"
        rows={3}
      />
      <SelectField
        {...field('referralRoute')}
        label="Who can refer"
        options={REFERRAL_ROUTES}
        labels={REFERRAL_ROUTE_LABELS}
        emptyLabel="Choose…"
        required
      />
      <CheckboxField {...field('selfReferral')} label="People can refer themselves" />
      <fieldset className="fieldset">
        <legend>Referral capacity</legend>
        <CheckboxField {...field('acceptingReferrals')} label="Accepting referrals now" />
        <TextField
          {...field('placesPerMonth')}
          label="Places per month"
          width="short"
          inputMode="numeric"
        />
        <TextField
          {...field('waitingWeeks')}
          label="Current waiting time in weeks"
          width="short"
          inputMode="numeric"
        />
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          {service ? 'Save service' : 'Add service'}
        </SubmitButton>
        <button type="button" className="button link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
