import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Verification } from '../../../shared/accreditation/schema';
import { invoke } from '../../api/bridge';
import { formatBytes } from '../../components/bytes';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { FileDropZone } from '../evidence/FileDropZone';
import { NO_FILES, readBase64, sortFiles, type ChosenFiles } from './chosen-files';
import { VerdictPanel } from './VerdictPanel';

/**
 * Checks a certificate someone was given: a PDF (which carries the signed certificate inside
 * it) or the signed JSON, optionally with a register's status file and public key. Nothing is
 * stored; the verdict and each check's reason are shown in words.
 */
export function VerifyPage() {
  const [files, setFiles] = useState<ChosenFiles>(NO_FILES);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ verification: Verification; fileName: string } | null>(
    null,
  );
  const verdictRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) verdictRef.current?.focus();
  }, [result]);

  async function add(list: File[]) {
    setResult(null);
    setErrors([]);
    setFiles(await sortFiles(list, files));
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!files.certificate) {
      setErrors([
        { field: 'verify-files', message: 'Choose the certificate file (PDF or JSON) to check' },
      ]);
      return;
    }
    setErrors([]);
    setBusy(true);
    setResult(null);
    try {
      const [base64, statusText, keys] = await Promise.all([
        readBase64(files.certificate),
        files.statusFile ? files.statusFile.text() : Promise.resolve(null),
        Promise.all(files.publicKeys.map(async (k) => ({ source: k.name, pem: await k.text() }))),
      ]);
      const verification = await invoke('certificates.verify', {
        fileName: files.certificate.name,
        base64,
        ...(files.statusFile && statusText !== null
          ? { statusFile: { fileName: files.statusFile.name, text: statusText } }
          : {}),
        ...(keys.length > 0 ? { publicKeys: keys } : {}),
      });
      setResult({ verification, fileName: files.certificate.name });
    } catch (error) {
      setErrors([{ field: '', message: (error as Error).message }]);
    } finally {
      setBusy(false);
    }
  }

  const chosen: { role: string; file: File; clear: () => void }[] = [
    ...(files.certificate
      ? [
          {
            role: 'Certificate',
            file: files.certificate,
            clear: () => setFiles((f) => ({ ...f, certificate: null })),
          },
        ]
      : []),
    ...(files.statusFile
      ? [
          {
            role: 'Status file',
            file: files.statusFile,
            clear: () => setFiles((f) => ({ ...f, statusFile: null })),
          },
        ]
      : []),
    ...files.publicKeys.map((k) => ({
      role: 'Public key',
      file: k,
      clear: () => setFiles((f) => ({ ...f, publicKeys: f.publicKeys.filter((p) => p !== k) })),
    })),
  ];

  return (
    <Page title="Verify a certificate">
      <p className="lede">
        Check that a certificate is genuine, in date and still current. Give the certificate PDF or
        its signed JSON. Nothing you check here is stored.
      </p>
      <form onSubmit={(e) => void check(e)} noValidate className="form verify-form">
        <ErrorSummary errors={errors} title="The certificate could not be checked" />
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
          disabled={busy}
          error={errors.find((e) => e.field === 'verify-files')?.message}
          onFiles={(gathered) => void add(gathered.files)}
        />
        {chosen.length > 0 ? (
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
        ) : (
          <p className="muted">No files chosen yet.</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" id="verify-check" disabled={busy}>
            {busy ? 'Checking…' : 'Check the certificate'}
          </button>
        </div>
      </form>
      <p role="status" className="status-line">
        {busy ? 'Checking the certificate…' : ''}
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
