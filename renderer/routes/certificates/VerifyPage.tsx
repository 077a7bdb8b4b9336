import { useEffect, useRef, useState } from 'react';
import type { Verification } from '../../../shared/accreditation/schema';
import { messageOf } from '../../../shared/error-message';
import { invoke } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FileDropZone } from '../evidence/FileDropZone';
import { NO_FILES, readBase64, sortFiles, type ChosenFiles } from './chosen-files';
import { VerdictPanel } from './VerdictPanel';

/** What is checked: the certificate, and optionally a register's status file and public keys. */
async function verify(files: ChosenFiles & { certificate: File }): Promise<Verification> {
  const [base64, statusText, keys] = await Promise.all([
    readBase64(files.certificate),
    files.statusFile ? files.statusFile.text() : Promise.resolve(null),
    Promise.all(files.publicKeys.map(async (key) => ({ source: key.name, pem: await key.text() }))),
  ]);
  return invoke('certificates.verify', {
    fileName: files.certificate.name,
    base64,
    ...(files.statusFile && statusText !== null
      ? { statusFile: { fileName: files.statusFile.name, text: statusText } }
      : {}),
    ...(keys.length > 0 ? { publicKeys: keys } : {}),
  });
}

/**
 * Checks a certificate someone was given: a PDF (which carries the signed certificate inside
 * it) or the signed JSON, optionally with a register's status file and public key. Nothing is
 * stored; the verdict and each check's reason are shown in words.
 */
export function VerifyPage() {
  const [result, setResult] = useState<{ verification: Verification; fileName: string } | null>(
    null,
  );
  const form = useForm<ChosenFiles>({
    initial: NO_FILES,
    check: (files) =>
      files.certificate
        ? []
        : [
            {
              field: 'verify-files',
              message: 'Choose the certificate file (PDF or JSON) to check',
            },
          ],
    send: async (files) => {
      if (!files.certificate) return;
      setResult(null);
      const verification = await verify({ ...files, certificate: files.certificate });
      setResult({ verification, fileName: files.certificate.name });
    },
    errorsFrom: (error) => [{ field: '', message: messageOf(error) }],
  });
  const verdictRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) verdictRef.current?.focus();
  }, [result]);

  async function add(list: File[]) {
    setResult(null);
    form.setErrors([]);
    form.setDraft(await sortFiles(list, form.draft));
  }

  return (
    <Page title="Verify a certificate">
      <p className="lede">
        Check that a certificate is genuine, in date and still current. Give the certificate PDF,
        its signed JSON, or its Open Badge (JSON or PNG). Nothing you check here is stored.
      </p>
      <form onSubmit={form.onSubmit} noValidate className="form verify-form">
        <ErrorSummary errors={form.errors} title="The certificate could not be checked" />
        <h2>Files to check</h2>
        <p className="hint">
          To check the status against a published register, add its{' '}
          <span className="mono">status.json</span> and, for another network’s certificate, its{' '}
          <span className="mono">public-key.pem</span>. Without them the status is checked against
          this installation’s own records.
        </p>
        <FileDropZone
          prefix="verify"
          allowFolder={false}
          disabled={form.busy}
          error={form.errorFor('verify-files')}
          onFiles={(gathered) => void add(gathered.files)}
        />
        <FilesChosen files={form.draft} onChange={form.setDraft} />
        <div className="form-actions">
          <SubmitButton busy={form.busy} busyLabel="Checking…" id="verify-check">
            Check the certificate
          </SubmitButton>
        </div>
      </form>
      <p role="status" className="status-line">
        {form.busy ? 'Checking the certificate…' : ''}
      </p>
      {result ? (
        <VerdictPanel
          result={result.verification}
          fileName={result.fileName}
          headingRef={verdictRef}
        />
      ) : null}
    </Page>
  );
}

/** Each file chosen, with what it was taken for and a way to take it off. */
function FilesChosen({
  files,
  onChange,
}: {
  files: ChosenFiles;
  onChange: (change: (files: ChosenFiles) => ChosenFiles) => void;
}) {
  const chosen: { role: string; file: File; clear: () => void }[] = [
    ...(files.certificate
      ? [
          {
            role: 'Certificate',
            file: files.certificate,
            clear: () => onChange((current) => ({ ...current, certificate: null })),
          },
        ]
      : []),
    ...(files.statusFile
      ? [
          {
            role: 'Status file',
            file: files.statusFile,
            clear: () => onChange((current) => ({ ...current, statusFile: null })),
          },
        ]
      : []),
    ...files.publicKeys.map((key) => ({
      role: 'Public key',
      file: key,
      clear: () =>
        onChange((current) => ({
          ...current,
          publicKeys: current.publicKeys.filter((other) => other !== key),
        })),
    })),
  ];
  if (chosen.length === 0) return <p className="muted">No files chosen yet.</p>;
  return (
    <ul className="chosen-list" aria-label="Files chosen">
      {chosen.map(({ role, file, clear }) => (
        <li key={`${role}:${file.name}`}>
          <strong>{role}:</strong> {file.name}{' '}
          <span className="muted">({formatBytes(file.size)})</span>{' '}
          <button type="button" className="button link small" onClick={clear}>
            Remove <span className="visually-hidden">{file.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
