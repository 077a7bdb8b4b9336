import { Link } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { EXPIRY_WARNING_DAYS } from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import { formatDate } from '../../components/labels';
import { VirtualTable } from '../../components/virtual-rows';
import { CriterionLink } from '../assessments/CriterionLink';

type Expiring = MethodOutput<'evidence.expiring'>;

/**
 * The dashboard's warning: criteria, across every open assessment, whose only current evidence
 * expires within the warning window, each linking to the criterion on its assessment.
 */
export function ExpiringNotice({ expiring }: { expiring: Expiring }) {
  if (expiring.criteria === 0) return null;
  return <ExpiringTable expiring={expiring} />;
}

/** Across a whole network the list runs to hundreds of rows: only those in view are in the page. */
function ExpiringTable({ expiring }: { expiring: Expiring }) {
  return (
    <section className="notice notice-warning" aria-labelledby="expiring-heading">
      <h2 id="expiring-heading" className="notice-heading">
        {plural(expiring.criteria, 'criterion relies', 'criteria rely')} on evidence expiring within{' '}
        {EXPIRY_WARNING_DAYS} days
      </h2>
      <p>Renew the evidence, or add something current, before it runs out.</p>
      <VirtualTable
        caption="Criteria relying on evidence that expires soon"
        headings={['Provider', 'Criterion', 'Evidence', 'Expires']}
        items={expiring.items}
        row={(item, rowProps) => (
          <tr key={`${item.assessmentId}:${item.criterion}:${item.evidenceId}`} {...rowProps}>
            <th scope="row">
              <Link to={`/assessments/${item.assessmentId}`}>{item.providerName}</Link>
            </th>
            <td>
              <CriterionLink assessmentId={item.assessmentId} code={item.criterion}>
                {item.criterion}
                <span className="visually-hidden"> for {item.providerName}</span>
              </CriterionLink>
            </td>
            <td>{item.title}</td>
            <td>{formatDate(item.expiryDate)}</td>
          </tr>
        )}
      />
    </section>
  );
}
