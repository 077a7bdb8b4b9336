import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Provider, ProviderInput } from '../../../shared/providers/schema';
import {
  PROVIDER_TYPES,
  PROVIDER_TYPE_LABELS,
  REGIONS,
  REGION_LABELS,
  type ProviderType,
  type Region,
} from '../../../shared/providers/vocabulary';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom } from '../../components/problems';

interface ContactDraft {
  name: string;
  role: string;
  email: string;
  phone: string;
}

interface Draft {
  name: string;
  type: ProviderType | '';
  charityNumber: string;
  companyNumber: string;
  region: Region | '';
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  website: string;
  description: string;
  contacts: ContactDraft[];
}

const EMPTY: Draft = {
  name: '',
  type: '',
  charityNumber: '',
  companyNumber: '',
  region: '',
  addressLine1: '',
  addressLine2: '',
  town: '',
  postcode: '',
  website: '',
  description: '',
  contacts: [],
};

function draftFrom(p: Provider): Draft {
  return {
    name: p.name,
    type: p.type,
    charityNumber: p.charityNumber ?? '',
    companyNumber: p.companyNumber ?? '',
    region: p.region ?? '',
    addressLine1: p.addressLine1 ?? '',
    addressLine2: p.addressLine2 ?? '',
    town: p.town ?? '',
    postcode: p.postcode ?? '',
    website: p.website ?? '',
    description: p.description ?? '',
    contacts: p.contacts.map((c) => ({
      name: c.name,
      role: c.role ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
  };
}

function inputFrom(d: Draft): ProviderInput {
  return {
    ...d,
    type: d.type as ProviderType,
    region: d.region === '' ? null : d.region,
    contacts: d.contacts,
  };
}

// Problems come back keyed by the core's names; contacts[0].email becomes contact-0-email.
function fieldOf(path: string): string {
  const contact = /^contacts\[(\d+)\]\.(\w+)/.exec(path);
  if (contact) return `contact-${contact[1]}-${contact[2]}`;
  if (path === 'charity_number') return 'charityNumber';
  if (path === 'company_number') return 'companyNumber';
  return path.split(/[.[]/)[0] ?? '';
}

function ProviderForm({ initial, providerId }: { initial: Draft; providerId?: string }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const setContact = (index: number, key: keyof ContactDraft) => (value: string) =>
    setDraft((d) => ({
      ...d,
      contacts: d.contacts.map((c, i) => (i === index ? { ...c, [key]: value } : c)),
    }));
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!draft.name.trim())
      missing.push({ field: 'name', message: 'Enter the organisation’s name' });
    if (!draft.type) missing.push({ field: 'type', message: 'Choose the type of provider' });
    if (missing.length > 0) {
      setErrors(missing);
      return;
    }
    setSaving(true);
    try {
      const saved = providerId
        ? await invoke('providers.update', { id: providerId, fields: inputFrom(draft) })
        : await invoke('providers.create', inputFrom(draft));
      void navigate(`/providers/${saved.id}`);
    } catch (error) {
      setErrors(fieldErrorsFrom(error, fieldOf));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <ErrorSummary errors={errors} />
      <TextField
        name="name"
        label="Organisation name"
        value={draft.name}
        onChange={set('name')}
        error={errorFor('name')}
        required
        autoComplete="organization"
      />
      <SelectField
        name="type"
        label="Type of provider"
        hint="Link worker services are assessed on link worker practice; activity providers on activities and services; both on everything."
        value={draft.type}
        onChange={set('type')}
        options={PROVIDER_TYPES}
        labels={PROVIDER_TYPE_LABELS}
        emptyLabel="Choose…"
        error={errorFor('type')}
        required
      />
      <fieldset className="fieldset">
        <legend>Legal identity</legend>
        <p className="hint">
          Leave both empty if the organisation is neither a registered charity nor a company.
        </p>
        <TextField
          name="charityNumber"
          label="Charity number"
          hint="For example 1123456, SC012345 or NIC100123"
          value={draft.charityNumber}
          onChange={set('charityNumber')}
          error={errorFor('charityNumber')}
          width="medium"
        />
        <TextField
          name="companyNumber"
          label="Company number"
          hint="8 characters, for example 08812345"
          value={draft.companyNumber}
          onChange={set('companyNumber')}
          error={errorFor('companyNumber')}
          width="medium"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Where it is</legend>
        <SelectField
          name="region"
          label="Region or nation"
          value={draft.region}
          onChange={set('region')}
          options={REGIONS}
          labels={REGION_LABELS}
          emptyLabel="Not given"
          error={errorFor('region')}
        />
        <TextField
          name="addressLine1"
          label="Address line 1"
          value={draft.addressLine1}
          onChange={set('addressLine1')}
          error={errorFor('addressLine1')}
          autoComplete="address-line1"
        />
        <TextField
          name="addressLine2"
          label="Address line 2"
          value={draft.addressLine2}
          onChange={set('addressLine2')}
          error={errorFor('addressLine2')}
          autoComplete="address-line2"
        />
        <TextField
          name="town"
          label="Town or city"
          value={draft.town}
          onChange={set('town')}
          error={errorFor('town')}
          width="medium"
          autoComplete="address-level2"
        />
        <TextField
          name="postcode"
          label="Postcode"
          value={draft.postcode}
          onChange={set('postcode')}
          error={errorFor('postcode')}
          width="short"
          autoComplete="postal-code"
        />
      </fieldset>
      <TextField
        name="website"
        label="Website"
        type="url"
        hint="Starting https://"
        value={draft.website}
        onChange={set('website')}
        error={errorFor('website')}
        autoComplete="url"
      />
      <TextArea
        name="description"
        label="What the organisation does"
        value={draft.description}
        onChange={set('description')}
        error={errorFor('description')}
      />

      <fieldset className="fieldset">
        <legend>Contacts</legend>
        {draft.contacts.length === 0 ? <p className="hint">No contacts yet.</p> : null}
        {draft.contacts.map((c, i) => (
          <fieldset className="fieldset nested" key={i}>
            <legend>Contact {i + 1}</legend>
            <TextField
              name={`contact-${i}-name`}
              label="Name"
              value={c.name}
              onChange={setContact(i, 'name')}
              error={errorFor(`contact-${i}-name`)}
              required
              width="medium"
            />
            <TextField
              name={`contact-${i}-role`}
              label="Role"
              value={c.role}
              onChange={setContact(i, 'role')}
              error={errorFor(`contact-${i}-role`)}
              width="medium"
            />
            <TextField
              name={`contact-${i}-email`}
              label="Email"
              type="email"
              value={c.email}
              onChange={setContact(i, 'email')}
              error={errorFor(`contact-${i}-email`)}
              width="medium"
            />
            <TextField
              name={`contact-${i}-phone`}
              label="Phone"
              type="tel"
              value={c.phone}
              onChange={setContact(i, 'phone')}
              error={errorFor(`contact-${i}-phone`)}
              width="medium"
            />
            <button
              type="button"
              className="button link"
              onClick={() =>
                setDraft((d) => ({ ...d, contacts: d.contacts.filter((_, j) => j !== i) }))
              }
            >
              Remove contact {i + 1}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            setDraft((d) => ({
              ...d,
              contacts: [...d.contacts, { name: '', role: '', email: '', phone: '' }],
            }))
          }
        >
          Add a contact
        </button>
      </fieldset>

      <div className="form-actions">
        <button type="submit" id="submit-provider" className="button" disabled={saving}>
          {saving ? 'Saving…' : providerId ? 'Save changes' : 'Add provider'}
        </button>
        <Link to={providerId ? `/providers/${providerId}` : '/providers'} className="button link">
          Cancel
        </Link>
      </div>
    </form>
  );
}

export function NewProviderPage() {
  return (
    <Page title="Add a provider">
      <ProviderForm initial={EMPTY} />
    </Page>
  );
}

export function EditProviderPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => invoke('providers.get', { id }), [id]);
  if (state.error)
    return (
      <Page title="Edit provider">
        <LoadError error={state.error} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Edit provider">
        <Loading what="the provider" />
      </Page>
    );
  return (
    <Page title={`Edit ${state.data.provider.name}`}>
      <ProviderForm initial={draftFrom(state.data.provider)} providerId={id} />
    </Page>
  );
}
