import { useState } from 'react';
import { Link } from 'react-router';
import { invoke } from '../api/bridge';
import { useLoad } from '../api/use-load';
import { LoadError, Loading } from '../components/Loaded';
import { Page } from '../components/Page';
import { AssessmentsTable } from './AssessmentsTable';
import { plural } from './evidence/describe';
import { ExpiringNotice } from './evidence/ExpiringNotice';

export function Dashboard() {
  const state = useLoad(async () => {
    const [providers, assessments, expiring, retention] = await Promise.all([
      invoke('providers.list', { limit: 1 }),
      invoke('assessments.list', {}),
      invoke('evidence.expiring', { withinDays: 30 }),
      invoke('evidence.retention', {}),
    ]);
    return {
      providerCount: providers.total,
      assessments,
      expiring,
      overdueRetention: retention.items.length,
    };
  }, []);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [demoMessage, setDemoMessage] = useState('');

  async function loadDemo() {
    setLoadingDemo(true);
    try {
      const result = await invoke('system.loadDemo', {});
      setDemoMessage(
        result.skipped
          ? 'The demo data was already loaded.'
          : `Loaded ${result.providers} demo providers and ${result.assessments} self-assessments.`,
      );
      state.reload();
    } finally {
      setLoadingDemo(false);
    }
  }

  if (state.error)
    return (
      <Page title="Dashboard">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Dashboard">
        <Loading what="the dashboard" />
      </Page>
    );
  const { providerCount, assessments, expiring, overdueRetention } = state.data;
  const open = assessments.filter((a) => a.status === 'draft' || a.status === 'in-progress');
  const byOutcome = (o: string) => open.filter((a) => a.outcome === o).length;

  return (
    <Page
      title="Dashboard"
      actions={
        <>
          <Link className="button" to="/providers/new">
            Add a provider
          </Link>
          <Link className="button secondary" to="/providers/import">
            Import providers
          </Link>
        </>
      }
    >
      <p role="status" className="status-line">
        {demoMessage}
      </p>
      {providerCount === 0 ? (
        <section className="panel" aria-labelledby="welcome">
          <h2 id="welcome">Welcome to SPQA</h2>
          <p>
            Record your organisation and the activities you run, then assess yourself against the
            national quality standards for social prescribing. You will see where you stand in each
            area and what to improve before an external assessment.
          </p>
          <p>New to the app? Load a set of example organisations to look around first.</p>
          <button
            type="button"
            className="button secondary"
            onClick={() => void loadDemo()}
            disabled={loadingDemo}
          >
            {loadingDemo ? 'Loading demo data…' : 'Load demo data'}
          </button>
        </section>
      ) : null}

      <ExpiringNotice expiring={expiring} />
      {overdueRetention > 0 ? (
        <p className="notice notice-warning">
          {plural(overdueRetention, 'piece', 'pieces')} of evidence{' '}
          {overdueRetention === 1 ? 'is' : 'are'} past {overdueRetention === 1 ? 'its' : 'their'}{' '}
          keep-until date.{' '}
          <Link to="/evidence">
            Review {overdueRetention === 1 ? 'it' : 'them'} in the evidence store
          </Link>
          .
        </p>
      ) : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="visually-hidden">
          Summary
        </h2>
        <ul className="cards">
          <li className="card">
            <span className="card-figure">{providerCount}</span>
            <span className="card-label">providers</span>
          </li>
          <li className="card">
            <span className="card-figure">{open.length}</span>
            <span className="card-label">assessments in progress</span>
          </li>
          <li className="card">
            <span className="card-figure">{byOutcome('accredited')}</span>
            <span className="card-label">ready for accreditation today</span>
          </li>
          <li className="card">
            <span className="card-figure">{byOutcome('conditional')}</span>
            <span className="card-label">ready with conditions today</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">Assessments</h2>
        {assessments.length === 0 ? (
          <p>No assessments yet. Open a provider and start a self-assessment.</p>
        ) : (
          <AssessmentsTable assessments={assessments} />
        )}
      </section>
    </Page>
  );
}
