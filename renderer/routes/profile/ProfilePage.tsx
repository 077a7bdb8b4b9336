import { useState } from 'react';
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
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';

const TITLE = 'Your profile';

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

function checkProfile(draft: Draft): FieldError[] {
  const missing: FieldError[] = [];
  if (!draft.name.trim()) missing.push({ field: 'name', message: 'Enter your name' });
  if (!draft.organisation.trim())
    missing.push({ field: 'organisation', message: 'Enter the organisation you work for' });
  if (!draft.role) missing.push({ field: 'role', message: 'Choose your role' });
  return missing;
}

/**
 * Who is using this copy of SPQA. The name goes into the audit trail with every change and is
 * filled in as the assessor or the decision-maker, so it is asked once rather than every time.
 */
export function ProfilePage() {
  const state = useLoad(() => invoke('profile.get', {}), []);
  return (
    <LoadedPage title={TITLE} state={state} what="your profile">
      {(profile) => <ProfileScreen profile={profile} onSaved={state.set} />}
    </LoadedPage>
  );
}

function ProfileScreen({
  profile,
  onSaved,
}: {
  profile: Profile | null;
  onSaved: (profile: Profile) => void;
}) {
  const [message, setMessage] = useState('');
  return (
    <Page title={TITLE}>
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
          onSaved(saved);
          setMessage(`Profile saved: ${saved.name}, ${PROFILE_ROLE_LABELS[saved.role]}.`);
        }}
      />
    </Page>
  );
}

function ProfileForm({ initial, onSaved }: { initial: Draft; onSaved: (saved: Profile) => void }) {
  const form = useForm({
    initial,
    check: checkProfile,
    send: async ({ name, organisation, role }) => {
      if (!role) return;
      onSaved(
        await invoke('profile.set', {
          name: name.trim(),
          organisation: organisation.trim(),
          role,
        }),
      );
    },
  });
  const { field } = form;
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary errors={form.errors} />
      <TextField
        {...field('name')}
        label="Your name"
        hint="As it should appear on assessments and decisions."
        autoComplete="name"
        width="medium"
        required
      />
      <TextField
        {...field('organisation')}
        label="Organisation"
        autoComplete="organization"
        required
      />
      <RadioGroup
        {...field('role')}
        legend="Your role"
        options={PROFILE_ROLES}
        labels={PROFILE_ROLE_LABELS}
        optionHints={ROLE_HINTS}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Save profile
        </SubmitButton>
      </div>
    </form>
  );
}
