import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { RegisterBuildResult, RegisterVerification } from '../../../shared/contract/register';
import {
  REGISTER_FORMAT_LABELS,
  REGISTER_FORMATS,
  type RegisterFormat,
} from '../../../shared/register/schema';
import type { Progress } from '../../../shared/result';
import { invoke, isDesktop } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { PathField, TextField } from '../../components/fields';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { fieldErrorsFrom } from '../../components/problems';
import { bytes, formatDateTime, plural } from './format';
import './register.css';

type Stage =
  | { kind: 'form' }
  | { kind: 'building'; progress: Progress | null }
  | { kind: 'done'; result: RegisterBuildResult };

/** Folder-level problems from the core name the field `outDir`; the form's field is `outDir` too. */
const fieldOf = (path: string) => (path === 'outDir' || path === 'passphrase' ? path : '');

export function PublishPage() {
  const status = useLoad(() => invoke('register.status', {}), []);
  const [formats, setFormats] = useState<RegisterFormat[]>([...REGISTER_FORMATS]);
  const [outDir, setOutDir] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const [check, setCheck] = useState<RegisterVerification | 'checking' | null>(null);

  if (status.error)
    return (
      <Page title="Publish the register">
        <LoadError error={status.error} retry={status.reload} />
      </Page>
    );
  if (!status.data)
    return (
      <Page title="Publish the register">
        <Loading what="the register" />
      </Page>
    );
  const info = status.data;
  const folder = outDir ?? info.suggestedOutDir;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  function toggle(format: RegisterFormat, on: boolean) {
    setFormats((current) =>
      REGISTER_FORMATS.filter((f) => (f === format ? on : current.includes(f))),
    );
  }

  async function publish(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (formats.length === 0)
      problems.push({
        field: `format-${REGISTER_FORMATS[0]}`,
        message: 'Choose at least one format',
      });
    if (!folder.trim())
      problems.push({ field: 'outDir', message: 'Enter the folder to publish into' });
    if (!passphrase)
      problems.push({ field: 'passphrase', message: 'Enter the signing passphrase' });
    setErrors(problems);
    if (problems.length > 0) return;
    setStage({ kind: 'building', progress: null });
    setCheck(null);
    try {
      const result = await invoke(
        'register.build',
        { outDir: folder.trim(), formats, passphrase },
        (progress) => setStage({ kind: 'building', progress }),
      );
      setPassphrase('');
      setStage({ kind: 'done', result });
      status.reload();
    } catch (error) {
      setErrors(fieldErrorsFrom(error, fieldOf));
      setStage({ kind: 'form' });
    }
  }

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
        checks: [{ file: dir, ok: false, detail: (error as Error).message }],
      });
    }
  }

  const building = stage.kind === 'building';
  return (
    <Page title="Publish the register">
      <p className="lede">
        Publish the register of accredited providers as a folder you can put on any web host or
        share as it is: the register as JSON and CSV, Open Referral UK data for directories, a
        searchable web page that also checks certificates, and the signed status of every
        certificate. Anyone can check the folder against its signed manifest.
      </p>
      {info.networkKey ? null : (
        <div className="notice notice-warning">
          <p>
            This installation has no network signing key yet, so nothing can be published. The key
            is created when the first certificate is issued.
          </p>
        </div>
      )}
      <p>
        {plural(info.certificates, 'certificate', 'certificates')} will be published, each with its
        status today.{' '}
        {info.lastPublication ? (
          <>
            Last published on {formatDateTime(info.lastPublication.generatedAt)} to{' '}
            <span className="code break-anywhere">{info.lastPublication.outDir}</span>.
          </>
        ) : (
          'The register has not been published from this installation before.'
        )}
      </p>

      <ErrorSummary errors={errors} />
      <form className="form" onSubmit={(e) => void publish(e)} noValidate>
        <fieldset className="fieldset" aria-describedby="formats-hint">
          <legend>Formats</legend>
          <p className="hint" id="formats-hint">
            The signed status list, the public key and the signed manifest are always included.
          </p>
          {errorFor(`format-${REGISTER_FORMATS[0]}`) ? (
            <p className="error-message">
              <span className="visually-hidden">Error: </span>
              {errorFor(`format-${REGISTER_FORMATS[0]}`)}
            </p>
          ) : null}
          {REGISTER_FORMATS.map((format) => (
            <div className="field checkbox" key={format}>
              <input
                id={`field-format-${format}`}
                type="checkbox"
                checked={formats.includes(format)}
                onChange={(e) => toggle(format, e.target.checked)}
                disabled={building}
              />
              <label htmlFor={`field-format-${format}`}>{REGISTER_FORMAT_LABELS[format]}</label>
            </div>
          ))}
        </fieldset>
        <PathField
          name="outDir"
          label="Folder to publish into"
          choose={{ kind: 'folder' }}
          hint={`The full path of a new or empty folder, or of an earlier publication, which is replaced whole.${
            isDesktop() ? '' : ' The folder is on the computer running SPQA.'
          }`}
          value={folder}
          onChange={setOutDir}
          error={errorFor('outDir')}
          required
        />
        <TextField
          name="passphrase"
          label="Signing passphrase"
          type="password"
          hint="The passphrase that unlocks the network’s signing key; the status list and manifest are signed with it."
          value={passphrase}
          onChange={setPassphrase}
          error={errorFor('passphrase')}
          autoComplete="current-password"
          width="medium"
          required
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={building || !info.networkKey}>
            {building ? 'Publishing…' : 'Publish the register'}
          </button>
        </div>
      </form>

      {stage.kind === 'building' ? (
        <section className="panel" aria-labelledby="publishing-heading">
          <h2 id="publishing-heading">Publishing</h2>
          <ProgressBar
            label="Publishing the register"
            value={stage.progress?.done ?? 0}
            max={stage.progress?.total || 1}
            text={
              stage.progress
                ? `${stage.progress.phase}: ${Math.floor((100 * stage.progress.done) / (stage.progress.total || 1))}%`
                : 'Starting…'
            }
          />
        </section>
      ) : null}

      {stage.kind === 'done' ? (
        <PublishedPanel result={stage.result} check={check} onVerify={verify} />
      ) : null}
    </Page>
  );
}

function PublishedPanel({
  result,
  check,
  onVerify,
}: {
  result: RegisterBuildResult;
  check: RegisterVerification | 'checking' | null;
  onVerify: (dir: string) => Promise<void>;
}) {
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
              .filter((s) => s.count > 0)
              .map((s) => `${s.count.toLocaleString('en-GB')} ${s.status}`)
              .join(', ')}.`}{' '}
        {result.formats.includes('oruk')
          ? `${plural(result.orukServices, 'accredited service is', 'accredited services are')} in the Open Referral UK data.`
          : null}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>Files in the publication</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {result.files.map((f) => (
              <tr key={f.path}>
                <th scope="row">
                  <span className="code">{f.path}</span>
                </th>
                <td>{bytes(f.bytes)}</td>
                <td>
                  <span className="code break-anywhere">{f.sha256}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Signed with key <span className="code">{result.keyId}</span>. Open index.html from the
        folder in a browser to see the register as the public will.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          onClick={() => void onVerify(result.outDir)}
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
  const failed = check.checks.filter((c) => !c.ok);
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
        {(check.ok ? check.checks.slice(0, 3) : failed).map((c, i) => (
          <li key={`${c.file}-${i}`}>
            <strong>{c.file}</strong>: {c.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}
