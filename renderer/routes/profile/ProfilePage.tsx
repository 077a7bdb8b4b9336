import { useState, type FormEvent } from 'react';
import type { Profile } from '../../../shared/accreditation/schema';
import {
  PROFILE_ROLES,
  PROFILE_ROLE_LABELS,
  type ProfileRole,
} from '../../../shared/accreditation/vocabulary';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom } from '../../components/problems';
import { RadioGroup } from '../../components/RadioGroup';

const ROLE_HINTS: Record<ProfileRole, string> = {
  provider: 'You assess your own organisation and keep its evidence.',
  assessor: 'You carry out external assessments and record findings.',
  network: 'You decide on assessments and issue certificates.',
};

interface Draft {
  name: string;
  organisation: string;
  role: ProfileRole | '';
}

function ProfileForm({ initial, onSaved }: { initial: Draft; onSaved: (p: Profile) => void }) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!draft.name.trim()) missing.push({ field: 'name', message: 'Enter your name' });
    if (!draft.organisation.trim())
      missing.push({ field: 'organisation', message: 'Enter the organisation you work for' });
    if (!draft.role) missing.push({ field: 'role', message: 'Choose your role' });
    setErrors(missing);
    if (missing.length > 0 || !draft.role) return;
    setSaving(true);
    try {
      onSaved(
        await invoke('profile.set', {
          name: draft.name.trim(),
          organisation: draft.organisation.trim(),
          role: draft.role,
        }),
      );
    } catch (error) {
      setErrors(fieldErrorsFrom(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <ErrorSummary errors={errors} />
      <TextField
        name="name"
        label="Your name"
        hint="As it should appear on assessments and decisions."
        value={draft.name}
        onChange={set('name')}
        error={errorFor('name')}
        autoComplete="name"
        width="medium"
        required
      />
      <TextField
        name="organisation"
        label="Organisation"
        value={draft.organisation}
        onChange={set('organisation')}
        error={errorFor('organisation')}
        autoComplete="organization"
        required
      />
      <RadioGroup
        name="role"
        legend="Your role"
        value={draft.role}
        options={PROFILE_ROLES}
        labels={PROFILE_ROLE_LABELS}
        optionHints={ROLE_HINTS}
        onChange={set('role')}
        error={errorFor('role')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  );
}

/**
 * Who is using this copy of SPQA. The name goes into the audit trail with every change and is
 * filled in as the assessor or the decision-maker, so it is asked once rather than every time.
 */
export function ProfilePage() {
  const state = useLoad(() => invoke('profile.get', {}), []);
  const [message, setMessage] = useState('');
  if (state.error)
    return (
      <Page title="Your profile">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (state.loading && state.data === undefined)
    return (
      <Page title="Your profile">
        <Loading what="your profile" />
      </Page>
    );
  const profile = state.data ?? null;
  return (
    <Page title="Your profile">
      <p className="lede">
        Your name is recorded with everything you change here, and is filled in for you when you
        start an external assessment or record a decision. It stays on this computer.
      </p>
      <p role="status" className="status-line">
        {message}
      </p>
      {profile === null && !message ? (
        <p className="notice notice-info">No profile is saved yet.</p>
      ) : null}
      <ProfileForm
        initial={{
          name: profile?.name ?? '',
          organisation: profile?.organisation ?? '',
          role: profile?.role ?? '',
        }}
        onSaved={(saved) => {
          state.set(saved);
          setMessage(`Profile saved: ${saved.name}, ${PROFILE_ROLE_LABELS[saved.role]}.`);
        }}
      />
    </Page>
  );
}
