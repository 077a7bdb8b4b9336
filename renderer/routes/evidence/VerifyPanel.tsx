import { useState } from 'react';
import { Link } from 'react-router';
import type { VerifyReport } from '../../../shared/contract/evidence';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import type { Progress } from '../../../shared/result';
import { invoke } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { ProgressBar } from '../../components/ProgressBar';
import { plural } from './describe';

interface Owner {
  record: EvidenceRecord | null;
  id: string;
  providerName: string;
}

interface Problem {
  kind: 'missing' | 'altered';
  sha256: string;
  owners: Owner[];
}

/** The report names stored files by hash; people know them by the evidence that uses them. */
async function ownersOf(report: VerifyReport): Promise<Map<string, Owner>> {
  const ids = [...new Set([...report.missing, ...report.altered].flatMap((p) => p.evidenceIds))];
  const [records, assessments] = await Promise.all([
    Promise.all(ids.map((id) => invoke('evidence.get', { id }).catch(() => null))),
    invoke('assessments.list', {}),
  ]);
  const providerOf = new Map(assessments.map((a) => [a.id, a.providerName]));
  return new Map(
    ids.map((id, i) => {
      const record = records[i] ?? null;
      return [
        id,
        { id, record, providerName: record ? (providerOf.get(record.assessmentId) ?? '') : '' },
      ];
    }),
  );
}

/** Rehashes every stored file, with progress, and lists each one missing or altered. */
export function VerifyPanel() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<{ report: VerifyReport; problems: Problem[] } | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  async function run() {
    setRunning(true);
    setReport(null);
    setFailure('');
    setStatus('Checking every evidence file…');
    setProgress({ phase: 'checking evidence files', done: 0, total: 0 });
    try {
      const result = await invoke('evidence.verify', {}, setProgress);
      const owners = await ownersOf(result);
      const problems: Problem[] = [
        ...result.missing.map((m) => ({ kind: 'missing' as const, ...m })),
        ...result.altered.map((a) => ({ kind: 'altered' as const, ...a })),
      ].map((p) => ({
        kind: p.kind,
        sha256: p.sha256,
        owners: p.evidenceIds.map((id) => owners.get(id) ?? { id, record: null, providerName: '' }),
      }));
      setReport({ report: result, problems });
      setStatus(
        result.ok
          ? `Check finished: all ${plural(result.checked, 'file is', 'files are')} present and unchanged.`
          : `Check finished: ${plural(problems.length, 'file has', 'files have')} a problem.`,
      );
    } catch (e) {
      setStatus('');
      setFailure(`The check could not finish: ${(e as Error).message}`);
    } finally {
      setRunning(false);
      setProgress(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Check the evidence files</h2>
      <p>
        Every stored file is read again and its fingerprint (SHA-256) compared with the one taken
        when it was added. A file that is missing or has changed since is listed with the evidence
        it belongs to.
      </p>
      <button type="button" className="button" onClick={() => void run()} disabled={running}>
        Check all evidence files
      </button>
      {progress ? (
        <ProgressBar
          label="Checking evidence files"
          value={progress.done}
          max={progress.total}
          text={
            progress.total > 0
              ? `${formatBytes(progress.done)} of ${formatBytes(progress.total)}`
              : 'Starting…'
          }
        />
      ) : null}
      {/* Read out when the check ends; the notice below shows the same in full. */}
      <p role="status" className="visually-hidden">
        {status}
      </p>
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      {report ? <VerifyResult report={report.report} problems={report.problems} /> : null}
    </section>
  );
}

function VerifyResult({ report, problems }: { report: VerifyReport; problems: Problem[] }) {
  const orphans =
    report.orphans > 0 ? (
      <p>
        {plural(report.orphans, 'stored file is', 'stored files are')} not used by any evidence;
        remove unused files below to free the space.
      </p>
    ) : null;
  if (report.ok)
    return (
      <div className="notice notice-success">
        <p>
          All {plural(report.checked, 'file', 'files')} ({formatBytes(report.bytes)}) are present
          and unchanged.
        </p>
        {orphans}
      </div>
    );
  return (
    <div className="notice notice-error">
      <p>
        <strong>{plural(problems.length, 'file has', 'files have')} a problem</strong> (of{' '}
        {report.checked} checked). Add the original file again as new evidence, then remove the
        damaged record.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>Files missing or altered</caption>
          <thead>
            <tr>
              <th scope="col">Problem</th>
              <th scope="col">Evidence</th>
              <th scope="col">Provider</th>
              <th scope="col">Stored as</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={p.sha256}>
                <th scope="row">
                  {p.kind === 'missing' ? 'Missing' : 'Altered since it was added'}
                </th>
                <td>
                  <ul className="plain-list">
                    {p.owners.map((o) => (
                      <li key={o.id}>
                        {o.record ? (
                          <Link to={`/assessments/${o.record.assessmentId}/evidence`}>
                            {o.record.title}
                          </Link>
                        ) : (
                          o.id
                        )}
                        {o.record?.removedAt ? ' (removed)' : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{[...new Set(p.owners.map((o) => o.providerName))].join(', ')}</td>
                <td>
                  <code className="hash">{p.sha256.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {orphans}
    </div>
  );
}
