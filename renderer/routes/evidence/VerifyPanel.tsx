import { useState } from 'react';
import { Link } from 'react-router';
import type { VerifyReport } from '../../../shared/contract/evidence';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import type { Progress } from '../../../shared/result';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { Table } from '../../components/Table';
import { useAction } from '../../components/use-action';

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
  const ids = [
    ...new Set([...report.missing, ...report.altered].flatMap((problem) => problem.evidenceIds)),
  ];
  const [records, assessments] = await Promise.all([
    Promise.all(ids.map((id) => invoke('evidence.get', { id }).catch(() => null))),
    invoke('assessments.list', {}),
  ]);
  const providerOf = new Map(assessments.map((a) => [a.id, a.providerName]));
  return new Map(
    ids.map((id, index) => {
      const record = records[index] ?? null;
      return [
        id,
        { id, record, providerName: record ? (providerOf.get(record.assessmentId) ?? '') : '' },
      ];
    }),
  );
}

/** Each file missing or altered, with the evidence that uses it. */
async function problemsIn(report: VerifyReport): Promise<Problem[]> {
  const owners = await ownersOf(report);
  return [
    ...report.missing.map((missing) => ({ kind: 'missing' as const, ...missing })),
    ...report.altered.map((altered) => ({ kind: 'altered' as const, ...altered })),
  ].map((problem) => ({
    kind: problem.kind,
    sha256: problem.sha256,
    owners: problem.evidenceIds.map(
      (id) => owners.get(id) ?? { id, record: null, providerName: '' },
    ),
  }));
}

/** Rehashes every stored file, with progress, and lists each one missing or altered. */
export function VerifyPanel() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const check = useAction();
  const [report, setReport] = useState<{ report: VerifyReport; problems: Problem[] } | null>(null);
  const [status, setStatus] = useState('');

  async function run() {
    setReport(null);
    setStatus('Checking every evidence file…');
    setProgress({ phase: 'checking evidence files', done: 0, total: 0 });
    const finished = await check.run(
      async () => {
        const result = await invoke('evidence.verify', {}, setProgress);
        const problems = await problemsIn(result);
        setReport({ report: result, problems });
        setStatus(
          result.ok
            ? `Check finished: all ${plural(result.checked, 'file is', 'files are')} present and unchanged.`
            : `Check finished: ${plural(problems.length, 'file has', 'files have')} a problem.`,
        );
      },
      (message) => `The check could not finish: ${message}`,
    );
    if (!finished) setStatus('');
    setProgress(null);
  }

  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Check the evidence files</h2>
      <p>
        Every stored file is read again and its fingerprint (SHA-256) compared with the one taken
        when it was added. A file that is missing or has changed since is listed with the evidence
        it belongs to.
      </p>
      <button type="button" className="button" onClick={() => void run()} disabled={check.busy}>
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
      <ProblemMessage problem={check.problem} notice />
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
      <Table
        caption="Files missing or altered"
        headings={['Problem', 'Evidence', 'Provider', 'Stored as']}
      >
        {problems.map((problem) => (
          <tr key={problem.sha256}>
            <th scope="row">
              {problem.kind === 'missing' ? 'Missing' : 'Altered since it was added'}
            </th>
            <td>
              <ul className="plain-list">
                {problem.owners.map((owner) => (
                  <li key={owner.id}>
                    {owner.record ? (
                      <Link to={`/assessments/${owner.record.assessmentId}/evidence`}>
                        {owner.record.title}
                      </Link>
                    ) : (
                      owner.id
                    )}
                    {owner.record?.removedAt ? ' (removed)' : ''}
                  </li>
                ))}
              </ul>
            </td>
            <td>{[...new Set(problem.owners.map((owner) => owner.providerName))].join(', ')}</td>
            <td>
              <code className="hash">{problem.sha256.slice(0, 12)}…</code>
            </td>
          </tr>
        ))}
      </Table>
      {orphans}
    </div>
  );
}
