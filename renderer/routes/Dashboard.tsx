import { useState } from 'react';
import { Link } from 'react-router';
import type { AssessmentSummary } from '../../shared/assessment/schema';
import type { MethodOutput } from '../../shared/contract';
import { plural } from '../../shared/text/plural';
import { invoke } from '../api/bridge';
import { useLoad } from '../api/use-load';
import { LoadedPage } from '../components/Loaded';
import { Page } from '../components/Page';
import { ProblemMessage } from '../components/ProblemMessage';
import { StatCard } from '../components/StatCard';
import { useAction } from '../components/use-action';
import { AssessmentsTable } from './AssessmentsTable';
import { ExpiringNotice } from './evidence/ExpiringNotice';
import { ProviderLinks } from './providers/ProviderLinks';

interface Overview {
  providerCount: number;
  assessments: AssessmentSummary[];
  expiring: MethodOutput<'evidence.expiring'>;
  overdueRetention: number;
}

export function Dashboard() {
  const state = useLoad(async (): Promise<Overview> => {
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
  return (
    <LoadedPage title="Dashboard" state={state} what="the dashboard">
      {(overview) => <DashboardView overview={overview} reload={state.reload} />}
    </LoadedPage>
  );
}

function DashboardView({ overview, reload }: { overview: Overview; reload: () => void }) {
  const { providerCount, assessments, expiring, overdueRetention } = overview;
  const open = assessments.filter((a) => a.status === 'draft' || a.status === 'in-progress');
  const byOutcome = (outcome: string) => open.filter((a) => a.outcome === outcome).length;
  const [demoMessage, setDemoMessage] = useState('');
  return (
    <Page title="Dashboard" actions={<ProviderLinks importLabel="Import providers" />}>
      <p role="status" className="status-line">
        {demoMessage}
      </p>
      {providerCount === 0 ? (
        <Welcome
          onLoaded={(message) => {
            setDemoMessage(message);
            reload();
          }}
        />
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
          <StatCard figure={providerCount} label="providers" />
          <StatCard figure={open.length} label="assessments in progress" />
          <StatCard figure={byOutcome('accredited')} label="ready for accreditation today" />
          <StatCard figure={byOutcome('conditional')} label="ready with conditions today" />
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

/** The first-run welcome, with example organisations to look around with. */
function Welcome({ onLoaded }: { onLoaded: (message: string) => void }) {
  const demo = useAction();
  async function loadDemo() {
    await demo.run(async () => {
      const result = await invoke('system.loadDemo', {});
      onLoaded(
        result.skipped
          ? 'The demo data was already loaded.'
          : `Loaded ${result.providers} demo providers and ${result.assessments} self-assessments.`,
      );
    });
  }
  return (
    <section className="panel" aria-labelledby="welcome">
      <h2 id="welcome">Welcome to SPQA</h2>
      <p>
        Record your organisation and the activities you run, then assess yourself against the
        national quality standards for social prescribing. You will see where you stand in each area
        and what to improve before an external assessment.
      </p>
      <p>New to the app? Load a set of example organisations to look around first.</p>
      <button
        type="button"
        className="button secondary"
        onClick={() => void loadDemo()}
        disabled={demo.busy}
      >
        {demo.busy ? 'Loading demo data…' : 'Load demo data'}
      </button>
      <ProblemMessage problem={demo.problem} />
    </section>
  );
}
