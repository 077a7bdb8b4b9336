import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatBytes } from '../../components/bytes';
import { formatDate } from '../../components/labels';
import { Loaded } from '../../components/Loaded';
import { Table } from '../../components/Table';
import { kindLabel, sourceLine } from './describe';
import { RemoveEvidenceDialog, removalMessage } from './RemoveEvidenceDialog';

type Retention = Awaited<ReturnType<typeof loadRetention>>;

/** Evidence past its keep-until date, and which assessments are sealed (their evidence stays). */
async function loadRetention() {
  const [retention, assessments] = await Promise.all([
    invoke('evidence.retention', {}),
    invoke('assessments.list', {}),
  ]);
  const sealed = new Set(
    assessments.filter((a) => a.status === 'submitted' || a.status === 'decided').map((a) => a.id),
  );
  return { ...retention, sealed };
}

/**
 * Evidence kept past its keep-until date: personal data the organisation said it would not hold
 * longer. Each can be removed securely, leaving a tombstone of what went, when, by whom and why.
 */
export function RetentionPanel() {
  const state = useLoad(loadRetention, []);
  const [removing, setRemoving] = useState<EvidenceRecord | null>(null);
  const [status, setStatus] = useState('');
  const focusHeading = useRef(false);
  useEffect(() => {
    if (focusHeading.current && state.data) {
      focusHeading.current = false;
      document.getElementById('retention-heading')?.focus();
    }
  }, [state.data]);

  return (
    <section className="panel" aria-labelledby="retention-heading">
      <h2 id="retention-heading" tabIndex={-1}>
        Evidence past its keep-until date
      </h2>
      <p role="status" className="status-line">
        {status}
      </p>
      <Loaded state={state} what="the retention list">
        {(retention) => <RetentionList retention={retention} onRemove={setRemoving} />}
      </Loaded>
      {removing ? (
        <RemoveEvidenceDialog
          record={removing}
          secure
          sealed={state.data?.sealed.has(removing.assessmentId) ?? false}
          onClose={() => setRemoving(null)}
          onRemoved={(result) => {
            setRemoving(null);
            setStatus(removalMessage(result));
            focusHeading.current = true;
            state.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function RetentionList({
  retention: { items, onDate },
  onRemove,
}: {
  retention: Retention;
  onRemove: (record: EvidenceRecord) => void;
}) {
  if (items.length === 0)
    return <p>No evidence is past its keep-until date on {formatDate(onDate)}.</p>;
  return (
    <>
      <p>
        {plural(items.length, 'piece', 'pieces')} of evidence should no longer be kept. Removing one
        securely deletes its file and keeps only a tombstone: its title, when it was removed, by
        whom and why.
      </p>
      <Table
        caption={`Evidence past its keep-until date on ${formatDate(onDate)}`}
        hideCaption
        headings={['Evidence', 'Provider', 'Kind', 'Personal data', 'Keep until', 'Action']}
      >
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row">
              {item.title}
              <span className="cell-detail break-anywhere">{sourceLine(item, formatBytes)}</span>
            </th>
            <td>
              <Link to={`/assessments/${item.assessmentId}/evidence`}>{item.providerName}</Link>
            </td>
            <td>{kindLabel(item)}</td>
            <td>{item.personalData ? 'Yes' : 'No'}</td>
            <td>{formatDate(item.retainUntil)}</td>
            <td>
              <button
                type="button"
                className="button secondary small"
                onClick={() => onRemove(item)}
              >
                Remove securely <span className="visually-hidden">{item.title}</span>
              </button>
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
