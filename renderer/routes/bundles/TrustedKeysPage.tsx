import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { TrustedKey } from '../../../shared/bundles/schema';
import { downloadBlob, invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { formatDate } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { sentence } from '../../components/text';

const MAX_PEM_BYTES = 10_000;

/** This installation's own key, which others need in order to trust bundles from here. */
function OwnKey() {
  const status = useLoad(() => invoke('keys.status', {}), []);
  const [error, setError] = useState<string>();
  if (status.loading) return <Loading what="your network key" />;
  if (status.error) return <LoadError error={status.error} retry={status.reload} />;
  const key = status.data?.networkKey;
  return (
    <section className="panel" aria-labelledby="own-key-heading">
      <h2 id="own-key-heading">Your own key</h2>
      {key ? (
        <>
          <p>
            Bundles and certificates from here are signed with{' '}
            <span className="mono break-anywhere">{key.keyId}</span>. It is always trusted here.
            Give its public half to the people who import your bundles, and read them the key id so
            they can check it.
          </p>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setError(undefined);
              invoke('keys.exportPublic', {}).then(
                (pub) =>
                  downloadBlob(
                    new Blob([pub.pem], { type: 'application/x-pem-file' }),
                    'spqa-public-key.pem',
                  ),
                (e: unknown) => setError((e as Error).message),
              );
            }}
          >
            Download your public key
          </button>
          {error ? (
            <p role="alert" className="error-message">
              {sentence(error)}
            </p>
          ) : null}
        </>
      ) : (
        <p>
          This installation has no signing key yet. One is made, under a passphrase you choose, the
          first time you export a bundle or issue a certificate.
        </p>
      )}
    </section>
  );
}

/**
 * The keys whose bundles this installation accepts: each added from its owner's public key file
 * under a name, each removable (after a question, since bundles it signed are then refused).
 */
export function TrustedKeysPage() {
  const keys = useLoad(() => invoke('trustedKeys.list', {}), []);
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<TrustedKey | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function add(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    const problems: FieldError[] = [];
    if (!file) problems.push({ field: 'key-file', message: 'Choose the public key file (.pem)' });
    else if (file.size > MAX_PEM_BYTES)
      problems.push({ field: 'key-file', message: 'That file is too large to be a public key' });
    if (name.trim().length < 2)
      problems.push({ field: 'key-name', message: 'Enter whose key this is' });
    setErrors(problems);
    if (problems.length > 0 || !file) return;
    setBusy(true);
    try {
      const added = await invoke('trustedKeys.add', { pem: await file.text(), name });
      setName('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setStatus(`Trusted ${added.keyId} as “${added.name}”.`);
      keys.reload();
    } catch (error) {
      setErrors([{ field: 'key-file', message: sentence((error as Error).message) }]);
    } finally {
      setBusy(false);
    }
  }

  async function remove(key: TrustedKey) {
    setBusy(true);
    try {
      await invoke('trustedKeys.remove', { keyId: key.keyId });
      setStatus(`No longer trusting “${key.name}” (${key.keyId}).`);
      setRemoving(null);
      keys.reload();
    } catch (error) {
      setStatus(sentence((error as Error).message));
      setRemoving(null);
    } finally {
      setBusy(false);
    }
  }

  const fileError = errorFor('key-file');
  return (
    <Page
      title="Trusted keys"
      actions={
        <Link className="button secondary" to="/bundles">
          Import a bundle
        </Link>
      }
    >
      <p>
        A bundle is imported only when it is signed with a key you trust. Trust a key only after
        checking its key id with its owner in person or by phone: anyone can make a key and give it
        any name.
      </p>

      <OwnKey />

      <section aria-labelledby="trusted-heading">
        <h2 id="trusted-heading">Keys you trust</h2>
        <p role="status" className="status-line">
          {status}
        </p>
        {keys.loading && !keys.data ? <Loading what="trusted keys" /> : null}
        {keys.error ? <LoadError error={keys.error} retry={keys.reload} /> : null}
        {keys.data && keys.data.length === 0 ? <p>You do not trust any other key yet.</p> : null}
        {keys.data && keys.data.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Keys you trust</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key id</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((k) => (
                  <tr key={k.keyId}>
                    <th scope="row">{k.name}</th>
                    <td className="mono break-anywhere">{k.keyId}</td>
                    <td>
                      {formatDate(k.addedAt)} by {k.addedBy}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => setRemoving(k)}
                      >
                        Remove<span className="visually-hidden"> {k.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="add-key-heading">
        <h2 id="add-key-heading">Trust another key</h2>
        <ErrorSummary errors={errors} />
        <form onSubmit={(e) => void add(e)} noValidate>
          <div className={`field${fileError ? ' field-error' : ''}`}>
            <label htmlFor="field-key-file">Public key file (.pem)</label>
            <p className="hint" id="hint-key-file">
              The sender makes it with “Download your public key” on this screen, or with{' '}
              <span className="mono">spqa keys export-public FILE</span>.
            </p>
            {fileError ? (
              <p className="error-message" id="error-key-file">
                <span className="visually-hidden">Error: </span>
                {fileError}
              </p>
            ) : null}
            <input
              id="field-key-file"
              ref={fileInput}
              type="file"
              accept=".pem,application/x-pem-file,text/plain"
              className="file-input"
              aria-describedby={fileError ? 'hint-key-file error-key-file' : 'hint-key-file'}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </div>
          <TextField
            name="key-name"
            label="Whose key is it?"
            hint="For example the network or organisation that sends you bundles."
            value={name}
            onChange={setName}
            error={errorFor('key-name')}
            width="medium"
            required
          />
          <button type="submit" className="button" disabled={busy}>
            Trust this key
          </button>
        </form>
      </section>

      {removing ? (
        <ConfirmDialog
          title={`Stop trusting “${removing.name}”?`}
          confirmLabel="Stop trusting this key"
          busy={busy}
          onConfirm={() => void remove(removing)}
          onClose={() => setRemoving(null)}
        >
          <p>
            Bundles signed with <span className="mono break-anywhere">{removing.keyId}</span> will
            be refused from now on. Records already imported from them stay as they are.
          </p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
