import { Link } from 'react-router';
import { CERTIFICATE_STATUS_LABELS } from '../../../shared/accreditation/vocabulary';
import type { DashboardList, NetworkDashboard } from '../../../shared/contract/register';
import { REGION_LABELS } from '../../../shared/providers/vocabulary';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate } from '../../components/labels';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { StatCard } from '../../components/StatCard';
import { Table } from '../../components/Table';
import { BarChart } from './BarChart';
import { daysFromNow } from './format';
import './register.css';

export function NetworkDashboardPage() {
  const state = useLoad(() => invoke('register.dashboard', {}), []);
  return (
    <LoadedPage title="Network dashboard" state={state} what="the network’s certificates">
      {(data) => <Dashboard data={data} />}
    </LoadedPage>
  );
}

function count(data: NetworkDashboard, status: string): number {
  return data.byStatus.find((counted) => counted.status === status)?.count ?? 0;
}

function Dashboard({ data }: { data: NetworkDashboard }) {
  const regions = data.byRegion.filter(
    (counted) => counted.active + counted.suspended > 0 || counted.region !== null,
  );
  return (
    <Page
      title="Network dashboard"
      actions={
        <Link className="button" to="/register/publish">
          Publish the register
        </Link>
      }
    >
      <p className="lede">
        The network’s certificates on {formatDate(data.today)}: what is in force and where, and what
        needs attention next.
      </p>
      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="visually-hidden">
          Totals
        </h2>
        <ul className="cards">
          <StatCard figure={count(data, 'active')} label="active certificates" />
          <StatCard figure={count(data, 'suspended')} label="suspended" />
          <StatCard figure={data.expiringWithin30.count} label="expiring within 30 days" />
          <StatCard figure={data.expiringWithin90.count} label="expiring within 90 days" />
          <StatCard figure={data.renewalsDue.count} label="renewals due" />
          <StatCard figure={data.conditionsOverdue.count} label="with conditions overdue" />
        </ul>
      </section>

      {data.total === 0 ? (
        <p>No certificates have been issued yet. They appear here once issued or imported.</p>
      ) : (
        <div className="register-charts">
          <section aria-labelledby="status-heading">
            <h2 id="status-heading">Certificates by status</h2>
            <BarChart
              caption={`All ${plural(data.total, 'certificate', 'certificates')} ever issued, by status today`}
              rowHeading="Status"
              series={['Certificates']}
              rows={data.byStatus.map((counted) => ({
                key: counted.status,
                label: CERTIFICATE_STATUS_LABELS[counted.status],
                values: [counted.count],
              }))}
            />
          </section>
          <section aria-labelledby="region-heading">
            <h2 id="region-heading">Certificates in force by region</h2>
            <BarChart
              caption="Active and suspended certificates by the holder’s region"
              rowHeading="Region"
              series={['Active', 'Suspended']}
              rows={regions.map((counted) => ({
                key: counted.region ?? 'none',
                label: counted.region ? REGION_LABELS[counted.region] : 'No region given',
                values: [counted.active, counted.suspended],
              }))}
            />
          </section>
        </div>
      )}

      <CertificateList
        id="expiring"
        title="Expiring within 90 days"
        intro={`${plural(data.expiringWithin30.count, 'certificate expires', 'certificates expire')} within 30 days and ${plural(data.expiringWithin90.count, 'certificate', 'certificates')} within 90 days.`}
        empty="No certificate in force expires within 90 days."
        list={data.expiringWithin90}
        dateHeading="Expires"
        dateOf={(item) => item.expiresOn}
      />
      <CertificateList
        id="renewals"
        title="Renewals due"
        intro={`Certificates in force that expire within ${data.renewalWindowMonths} months, where no new external assessment of the holder has started.`}
        empty="No renewal is due."
        list={data.renewalsDue}
        dateHeading="Expires"
        dateOf={(item) => item.expiresOn}
      />
      <CertificateList
        id="conditions"
        title="Conditions overdue"
        intro="Certificates accredited with conditions, still in force, whose conditions were due by a date that has passed. Decide whether the conditions were met, or suspend the certificate."
        empty="No conditions are overdue."
        list={data.conditionsOverdue}
        dateHeading="Conditions due"
        dateOf={(item) => item.conditionsDue ?? item.expiresOn}
      />
    </Page>
  );
}

function CertificateList({
  id,
  title,
  intro,
  empty,
  list,
  dateHeading,
  dateOf,
}: {
  id: string;
  title: string;
  intro: string;
  empty: string;
  list: DashboardList;
  dateHeading: string;
  dateOf: (item: DashboardList['items'][number]) => string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {list.count === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <p>{intro}</p>
          <Table
            caption={`${title}${
              list.count > list.items.length
                ? `: the first ${list.items.length} of ${list.count}, soonest first`
                : ', soonest first'
            }`}
            hideCaption
            headings={['Holder', 'Certificate', 'Region', 'Status', dateHeading]}
          >
            {list.items.map((item) => (
              <tr key={item.certificateNumber}>
                <th scope="row">
                  <Link to={`/providers/${item.providerId}`}>{item.holder}</Link>
                </th>
                <td>
                  <Link to={`/certificates/${item.certificateNumber}`}>
                    {item.certificateNumber}
                  </Link>
                </td>
                <td>{item.region ? REGION_LABELS[item.region] : '—'}</td>
                <td>{CERTIFICATE_STATUS_LABELS[item.status]}</td>
                <td>
                  {formatDate(dateOf(item))} ({daysFromNow(item.days)})
                </td>
              </tr>
            ))}
          </Table>
          {list.count > list.items.length ? (
            <p className="muted">
              Showing the first {list.items.length} of {list.count.toLocaleString('en-GB')}, soonest
              first.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
