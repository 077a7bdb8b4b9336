import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { parseFrameworkKey } from '../../../shared/framework/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useAction } from '../../components/use-action';
import { ProviderAssessments } from './ProviderAssessments';
import { ProviderDetails } from './ProviderDetails';
import { ProviderServices } from './ProviderServices';

export type ProviderData = MethodOutput<'providers.get'> & {
  frameworks: MethodOutput<'frameworks.list'>;
};

/** A change made from the provider's screen, and what the status line says once it is made. */
export type Act = (work: () => Promise<unknown>, done: string) => Promise<void>;

export function ProviderPage() {
  const { id = '' } = useParams();
  const state = useLoad(async (): Promise<ProviderData> => {
    const [detail, frameworks] = await Promise.all([
      invoke('providers.get', { id }),
      invoke('frameworks.list', {}),
    ]);
    return { ...detail, frameworks };
  }, [id]);
  return (
    <LoadedPage title="Provider" state={state} what="the provider">
      {(data) => <Provider data={data} reload={state.reload} />}
    </LoadedPage>
  );
}

/** One provider: its details, services and assessments, and the ways to start a new one. */
function Provider({ data, reload }: { data: ProviderData; reload: () => void }) {
  const navigate = useNavigate();
  const action = useAction();
  const [message, setMessage] = useState('');
  const { provider } = data;

  const act: Act = async (work, done) => {
    if (!(await action.run(work))) return;
    setMessage(done);
    reload();
  };

  async function startSelfAssessment(key: string) {
    const { id: frameworkId, version } = parseFrameworkKey(key);
    await action.run(async () => {
      const started = await invoke('assessments.start', {
        providerId: provider.id,
        kind: 'self',
        frameworkId,
        frameworkVersion: version ?? undefined,
      });
      void navigate(`/assessments/${started.id}`);
    });
  }

  return (
    <Page
      title={provider.name}
      heading={
        <>
          {provider.name}{' '}
          {provider.archivedAt ? <span className="badge badge-muted">Archived</span> : null}
        </>
      }
      actions={
        <>
          <Link className="button secondary" to={`/providers/${provider.id}/edit`}>
            Edit details
          </Link>
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              void act(
                () =>
                  invoke('providers.archive', { id: provider.id, archived: !provider.archivedAt }),
                provider.archivedAt ? 'Provider restored.' : 'Provider archived.',
              )
            }
          >
            {provider.archivedAt ? 'Restore' : 'Archive'}
          </button>
        </>
      }
    >
      <p role="status" className="status-line">
        {message}
      </p>
      <ProblemMessage problem={action.problem} notice />
      <ProviderDetails provider={provider} />
      <ProviderServices
        provider={provider}
        services={data.services}
        act={act}
        onSaved={(text) => {
          setMessage(text);
          reload();
        }}
      />
      <ProviderAssessments data={data} onStartSelfAssessment={startSelfAssessment} />
    </Page>
  );
}
