import { useState } from 'react';
import { Link } from 'react-router';
import type { RegisterBuildResult, RegisterVerification } from '../../../shared/contract/register';
import { messageOf } from '../../../shared/error-message';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { Table } from '../../components/Table';

/** What was published where, file by file, and a check of the folder against its manifest. */
export function PublishedPanel({ result }: { result: RegisterBuildResult }) {
  const [check, setCheck] = useState<RegisterVerification | 'checking' | null>(null);

  async function verify(dir: string) {
    setCheck('checking');
    try {
      setCheck(await invoke('register.verify', { dir }));
    } catch (error) {
      setCheck({
        dir,
        ok: false,
        generatedAt: null,
        keyId: null,
        signer: null,
        checks: [{ file: dir, ok: false, detail: messageOf(error) }],
      });
    }
  }

  return (
    <section className="panel" aria-labelledby="published-heading">
      <h2 id="published-heading">Published</h2>
      <p role="status" className="notice notice-success">
        Published {plural(result.entries, 'certificate', 'certificates')} to{' '}
        <span className="code break-anywhere">{result.outDir}</span> in{' '}
        {(result.durationMs / 1000).toFixed(1)} seconds.
      </p>
      <p>
        {result.entries === 0
          ? 'No certificates yet.'
          : `${result.statusCounts
              .filter((counted) => counted.count > 0)
              .map((counted) => `${counted.count.toLocaleString('en-GB')} ${counted.status}`)
              .join(', ')}.`}{' '}
        {result.formats.includes('oruk')
          ? `${plural(result.orukServices, 'accredited service is', 'accredited services are')} in the Open Referral UK data.`
          : null}
      </p>
      <Table caption="Files in the publication" headings={['File', 'Size', 'SHA-256']}>
        {result.files.map((file) => (
          <tr key={file.path}>
            <th scope="row">
              <span className="code">{file.path}</span>
            </th>
            <td>{formatBytes(file.bytes)}</td>
            <td>
              <span className="code break-anywhere">{file.sha256}</span>
            </td>
          </tr>
        ))}
      </Table>
      <p>
        Signed with key <span className="code">{result.keyId}</span>. Open index.html from the
        folder in a browser to see the register as the public will.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          onClick={() => void verify(result.outDir)}
          disabled={check === 'checking'}
        >
          {check === 'checking' ? 'Checking…' : 'Check the publication'}
        </button>
        <Link className="button secondary" to="/network">
          Network dashboard
        </Link>
      </div>
      {check && check !== 'checking' ? <CheckResult check={check} /> : null}
    </section>
  );
}

function CheckResult({ check }: { check: RegisterVerification }) {
  const failed = check.checks.filter((one) => !one.ok);
  return (
    <div
      role="status"
      className={`notice ${check.ok ? 'notice-success' : 'notice-error'}`}
      aria-labelledby="check-heading"
    >
      <h3 id="check-heading">
        {check.ok
          ? `The publication checks out: ${plural(check.checks.length, 'check', 'checks')} passed`
          : `The publication does not check out: ${plural(failed.length, 'problem', 'problems')}`}
      </h3>
      <ul>
        {(check.ok ? check.checks.slice(0, 3) : failed).map((one, index) => (
          <li key={`${one.file}-${index}`}>
            <strong>{one.file}</strong>: {one.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}
