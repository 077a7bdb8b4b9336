import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatBytes } from '../../components/bytes';
import { formatDate } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { kindLabel, plural, sourceLine } from './describe';
import { RemoveEvidenceDialog, removalMessage } from './RemoveEvidenceDialog';

/**
 * Evidence kept past its keep-until date: personal data the organisation said it would not hold
 * longer. Each can be removed securely, leaving a tombstone of what went, when, by whom and why.
 */
export function RetentionPanel() {
  const state = useLoad(async () => {
    const [retention, assessments] = await Promise.all([
      invoke('evidence.retention', {}),
      invoke('assessments.list', {}),
    ]);
    const sealed = new Set(
      assessments
        .filter((a) => a.status === 'submitted' || a.status === 'decided')
        .map((a) => a.id),
    );
    return { ...retention, sealed };
  }, []);
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
      {state.error ? <LoadError error={state.error} retry={state.reload} /> : null}
      {!state.data && !state.error ? <Loading what="the retention list" /> : null}
      {state.data && state.data.items.length === 0 ? (
        <p>No evidence is past its keep-until date on {formatDate(state.data.onDate)}.</p>
      ) : null}
      {state.data && state.data.items.length > 0 ? (
        <>
          <p>
            {plural(state.data.items.length, 'piece', 'pieces')} of evidence should no longer be
            kept. Removing one securely deletes its file and keeps only a tombstone: its title, when
            it was removed, by whom and why.
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">
                Evidence past its keep-until date on {formatDate(state.data.onDate)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Evidence</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Personal data</th>
                  <th scope="col">Keep until</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      {item.title}
                      <span className="cell-detail break-anywhere">
                        {sourceLine(item, formatBytes)}
                      </span>
                    </th>
                    <td>
                      <Link to={`/assessments/${item.assessmentId}/evidence`}>
                        {item.providerName}
                      </Link>
                    </td>
                    <td>{kindLabel(item)}</td>
                    <td>{item.personalData ? 'Yes' : 'No'}</td>
                    <td>{formatDate(item.retainUntil)}</td>
                    <td>
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => setRemoving(item)}
                      >
                        Remove securely <span className="visually-hidden">{item.title}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
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
