import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  PROVIDER_TYPE_LABELS,
  REFERRAL_ROUTE_LABELS,
  REGION_LABELS,
  SERVICE_CATEGORY_LABELS,
} from '../../../shared/providers/vocabulary';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate, outcomeBadgeClass, outcomeLabel, statusLabel } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { ServiceForm } from './ServiceForm';

export function ProviderPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const state = useLoad(async () => {
    const [detail, frameworks] = await Promise.all([
      invoke('providers.get', { id }),
      invoke('frameworks.list', {}),
    ]);
    return { ...detail, frameworks };
  }, [id]);
  const [editing, setEditing] = useState<string | null>(null);
  const [framework, setFramework] = useState('');
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');

  if (state.error)
    return (
      <Page title="Provider">
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Provider">
        <Loading what="the provider" />
      </Page>
    );
  const { provider: p, services, assessments, frameworks } = state.data;
  const chosen = framework || (frameworks[0] ? `${frameworks[0].id}@${frameworks[0].version}` : '');

  async function act(work: () => Promise<unknown>, done: string) {
    setProblem('');
    try {
      await work();
      setMessage(done);
      state.reload();
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  async function startSelfAssessment() {
    setProblem('');
    const [frameworkId, frameworkVersion] = chosen.split('@');
    try {
      const a = await invoke('assessments.start', {
        providerId: p.id,
        kind: 'self',
        frameworkId,
        frameworkVersion,
      });
      void navigate(`/assessments/${a.id}`);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  return (
    <Page
      title={p.name}
      heading={
        <>
          {p.name} {p.archivedAt ? <span className="badge badge-muted">Archived</span> : null}
        </>
      }
      actions={
        <>
          <Link className="button secondary" to={`/providers/${p.id}/edit`}>
            Edit details
          </Link>
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              void act(
                () => invoke('providers.archive', { id: p.id, archived: !p.archivedAt }),
                p.archivedAt ? 'Provider restored.' : 'Provider archived.',
              )
            }
          >
            {p.archivedAt ? 'Restore' : 'Archive'}
          </button>
        </>
      }
    >
      <p role="status" className="status-line">
        {message}
      </p>
      {problem ? (
        <div role="alert" className="notice notice-error">
          {problem}
        </div>
      ) : null}
      <section aria-labelledby="details-heading" className="panel">
        <h2 id="details-heading">Details</h2>
        <dl className="summary-list">
          <dt>Type</dt>
          <dd>{PROVIDER_TYPE_LABELS[p.type]}</dd>
          <dt>Charity number</dt>
          <dd>{p.charityNumber ?? 'Not a registered charity'}</dd>
          <dt>Company number</dt>
          <dd>{p.companyNumber ?? 'Not a company'}</dd>
          <dt>Region</dt>
          <dd>{p.region ? REGION_LABELS[p.region] : 'Not given'}</dd>
          <dt>Address</dt>
          <dd>
            {[p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join(', ') ||
              'Not given'}
          </dd>
          <dt>Website</dt>
          <dd>
            {p.website ? (
              <a href={p.website} target="_blank" rel="noreferrer noopener">
                {p.website}
              </a>
            ) : (
              'Not given'
            )}
          </dd>
          <dt>Contacts</dt>
          <dd>
            {p.contacts.length === 0
              ? 'None recorded'
              : p.contacts.map((c) => (
                  <div key={`${c.name}${c.email ?? ''}`}>
                    {c.name}
                    {c.role ? `, ${c.role}` : ''}
                    {c.email ? ` · ${c.email}` : ''}
                    {c.phone ? ` · ${c.phone}` : ''}
                  </div>
                ))}
          </dd>
        </dl>
        {p.description ? <p>{p.description}</p> : null}
      </section>

      <section aria-labelledby="services-heading">
        <h2 id="services-heading">Services and activities</h2>
        {services.length === 0 ? <p>No services recorded yet.</p> : null}
        {services.map((s) =>
          editing === s.id ? (
            <ServiceForm
              key={s.id}
              providerId={p.id}
              service={s}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                setMessage(`${s.name} saved.`);
                state.reload();
              }}
            />
          ) : (
            <article key={s.id} className="panel service" aria-labelledby={`service-${s.id}`}>
              <h3 id={`service-${s.id}`}>
                {s.name} {s.archivedAt ? <span className="badge badge-muted">Archived</span> : null}
              </h3>
              <p className="muted">{SERVICE_CATEGORY_LABELS[s.category]}</p>
              {s.description ? <p>{s.description}</p> : null}
              <dl className="summary-list compact">
                <dt>Who can refer</dt>
                <dd>
                  {REFERRAL_ROUTE_LABELS[s.referralRoute]}
                  {s.selfReferral ? '; self-referral accepted' : '; no self-referral'}
                </dd>
                <dt>Capacity</dt>
                <dd>
                  {s.acceptingReferrals ? 'Accepting referrals' : 'Not accepting referrals'}
                  {s.placesPerMonth !== null ? `, ${s.placesPerMonth} places a month` : ''}
                  {s.waitingWeeks !== null
                    ? `, waiting time ${s.waitingWeeks} ${s.waitingWeeks === 1 ? 'week' : 'weeks'}`
                    : ''}
                </dd>
                <dt>Capacity last confirmed</dt>
                <dd>{formatDate(s.capacityConfirmedOn)}</dd>
              </dl>
              <div className="button-row">
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => setEditing(s.id)}
                >
                  Edit <span className="visually-hidden">{s.name}</span>
                </button>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() =>
                    void act(
                      () => invoke('services.confirmCapacity', { id: s.id }),
                      `Capacity of ${s.name} confirmed as current.`,
                    )
                  }
                >
                  Confirm capacity is current <span className="visually-hidden">for {s.name}</span>
                </button>
                <button
                  type="button"
                  className="button link small"
                  onClick={() =>
                    void act(
                      () => invoke('services.archive', { id: s.id, archived: !s.archivedAt }),
                      `${s.name} ${s.archivedAt ? 'restored' : 'archived'}.`,
                    )
                  }
                >
                  {s.archivedAt ? 'Restore' : 'Archive'}{' '}
                  <span className="visually-hidden">{s.name}</span>
                </button>
              </div>
            </article>
          ),
        )}
        {editing === 'new' ? (
          <ServiceForm
            providerId={p.id}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setMessage('Service added.');
              state.reload();
            }}
          />
        ) : !p.archivedAt ? (
          <button
            type="button"
            id="add-service"
            className="button secondary"
            onClick={() => setEditing('new')}
          >
            Add a service or activity
          </button>
        ) : null}
      </section>

      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">Assessments</h2>
        {assessments.length === 0 ? (
          <p>No assessments yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Assessments of {p.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Standards</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Outcome today</th>
                </tr>
              </thead>
              <tbody>
                {assessments.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/assessments/${a.id}`}>{formatDate(a.startedAt)}</Link>
                    </th>
                    <td>
                      {a.kind === 'self' ? 'Self-assessment' : 'External'}
                      {a.conflict ? (
                        <>
                          {' '}
                          <span className="badge badge-weak">Blocked</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {a.frameworkId}@{a.frameworkVersion}
                    </td>
                    <td>{statusLabel(a.status)}</td>
                    <td className="cell-progress">
                      <ProgressBar
                        label={`Assessment started ${formatDate(a.startedAt)} rated`}
                        value={a.progressPercent}
                        hideLabel
                      />
                    </td>
                    <td>
                      <span className={outcomeBadgeClass(a.outcome)}>
                        {outcomeLabel(a.outcome)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!p.archivedAt && frameworks.length > 0 ? (
          <div className="panel start-assessment">
            <h3>Start a self-assessment</h3>
            <div className="field">
              <label htmlFor="framework-choice">Standards version</label>
              <p className="hint" id="framework-choice-hint">
                The assessment stays on this version for ever, even when a newer one is published.
              </p>
              <select
                id="framework-choice"
                className="input input-long"
                value={chosen}
                aria-describedby="framework-choice-hint"
                onChange={(e) => setFramework(e.target.value)}
              >
                {frameworks.map((f) => (
                  <option key={`${f.id}@${f.version}`} value={`${f.id}@${f.version}`}>
                    {f.title} {f.version}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              id="start-self-assessment"
              className="button"
              onClick={() => void startSelfAssessment()}
            >
              Start self-assessment
            </button>
          </div>
        ) : null}
        {!p.archivedAt ? (
          <div className="panel start-assessment">
            <h3>External assessment</h3>
            <p>
              An independent assessor audits {p.name} against the standards, with its
              self-assessment alongside, and records findings for a decision by the network.
            </p>
            <Link
              className="button secondary"
              id="start-external-assessment"
              to={`/providers/${p.id}/external`}
            >
              Start an external assessment
            </Link>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
