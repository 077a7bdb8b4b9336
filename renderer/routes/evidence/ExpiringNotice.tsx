import { Link } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { EXPIRY_WARNING_DAYS } from '../../../shared/evidence/schema';
import { formatDate } from '../../components/labels';
import { SpacerRow, useVirtualRows } from '../../components/virtual-rows';
import { CriterionLink } from '../assessments/CriterionLink';
import { plural } from '../../../shared/text/plural';

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
  const { scroller, rows, before, after, measure } = useVirtualRows(expiring.items.length);
  return (
    <section className="notice notice-warning" aria-labelledby="expiring-heading">
      <h2 id="expiring-heading" className="notice-heading">
        {plural(expiring.criteria, 'criterion relies', 'criteria rely')} on evidence expiring within{' '}
        {EXPIRY_WARNING_DAYS} days
      </h2>
      <p>Renew the evidence, or add something current, before it runs out.</p>
      <div className="table-wrap table-scroll" ref={scroller} tabIndex={0}>
        <table className="table" aria-rowcount={expiring.items.length + 1}>
          <caption className="visually-hidden">
            Criteria relying on evidence that expires soon
          </caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Provider</th>
              <th scope="col">Criterion</th>
              <th scope="col">Evidence</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={before} columns={4} />
            {rows.map((row) => {
              const item = expiring.items[row.index];
              if (!item) return null;
              return (
                <tr
                  key={`${item.assessmentId}:${item.criterion}:${item.evidenceId}`}
                  data-index={row.index}
                  ref={measure}
                  aria-rowindex={row.index + 2}
                >
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
              );
            })}
            <SpacerRow height={after} columns={4} />
          </tbody>
        </table>
      </div>
    </section>
  );
}
