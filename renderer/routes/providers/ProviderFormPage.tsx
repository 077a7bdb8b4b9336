import { Link, useNavigate, useParams } from 'react-router';
import type { Provider } from '../../../shared/providers/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom } from '../../components/problems';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { ContactFields } from './ContactFields';
import { OrganisationFields } from './OrganisationFields';
import {
  checkProvider,
  draftFromProvider,
  EMPTY_PROVIDER,
  inputFrom,
  providerFieldOf,
  type ProviderDraft,
} from './provider-draft';

export function NewProviderPage() {
  return (
    <Page title="Add a provider">
      <ProviderForm initial={EMPTY_PROVIDER} />
    </Page>
  );
}

export function EditProviderPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => invoke('providers.get', { id }), [id]);
  return (
    <LoadedPage title="Edit provider" state={state} what="the provider">
      {({ provider }) => <EditProvider provider={provider} />}
    </LoadedPage>
  );
}

function EditProvider({ provider }: { provider: Provider }) {
  return (
    <Page title={`Edit ${provider.name}`}>
      <ProviderForm initial={draftFromProvider(provider)} providerId={provider.id} />
    </Page>
  );
}

/** Adds a provider, or (given its id) edits one; saving goes to the provider's own screen. */
function ProviderForm({ initial, providerId }: { initial: ProviderDraft; providerId?: string }) {
  const navigate = useNavigate();
  const form = useForm({
    initial,
    check: checkProvider,
    send: async (draft) => {
      const saved = providerId
        ? await invoke('providers.update', { id: providerId, fields: inputFrom(draft) })
        : await invoke('providers.create', inputFrom(draft));
      void navigate(`/providers/${saved.id}`);
    },
    errorsFrom: (error) => fieldErrorsFrom(error, providerFieldOf),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary errors={form.errors} />
      <OrganisationFields form={form} />
      <ContactFields form={form} />
      <div className="form-actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…" id="submit-provider">
          {providerId ? 'Save changes' : 'Add provider'}
        </SubmitButton>
        <Link to={providerId ? `/providers/${providerId}` : '/providers'} className="button link">
          Cancel
        </Link>
      </div>
    </form>
  );
}
