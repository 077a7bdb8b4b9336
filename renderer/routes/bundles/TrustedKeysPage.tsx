import { useState } from 'react';
import { Link } from 'react-router';
import type { TrustedKey } from '../../../shared/bundles/schema';
import { messageOf } from '../../../shared/error-message';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../components/labels';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { sentence } from '../../components/text';
import { AddKeyForm } from './AddKeyForm';
import { OwnKey } from './OwnKey';

/**
 * The keys whose bundles this installation accepts: each added from its owner's public key file
 * under a name, each removable (after a question, since bundles it signed are then refused).
 */
export function TrustedKeysPage() {
  const keys = useLoad(() => invoke('trustedKeys.list', {}), []);
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<TrustedKey | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove(key: TrustedKey) {
    setBusy(true);
    try {
      await invoke('trustedKeys.remove', { keyId: key.keyId });
      setStatus(`No longer trusting “${key.name}” (${key.keyId}).`);
      keys.reload();
    } catch (error) {
      setStatus(sentence(messageOf(error)));
    } finally {
      setRemoving(null);
      setBusy(false);
    }
  }

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
        <Loaded state={keys} what="trusted keys">
          {(trusted) => <TrustedKeyList keys={trusted} onRemove={setRemoving} />}
        </Loaded>
      </section>

      <AddKeyForm
        onAdded={(added) => {
          setStatus(`Trusted ${added.keyId} as “${added.name}”.`);
          keys.reload();
        }}
        onStart={() => setStatus('')}
      />

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

function TrustedKeyList({
  keys,
  onRemove,
}: {
  keys: TrustedKey[];
  onRemove: (key: TrustedKey) => void;
}) {
  if (keys.length === 0) return <p>You do not trust any other key yet.</p>;
  return (
    <Table
      caption="Keys you trust"
      hideCaption
      headings={['Name', 'Key id', 'Added', <span className="visually-hidden">Actions</span>]}
    >
      {keys.map((key) => (
        <tr key={key.keyId}>
          <th scope="row">{key.name}</th>
          <td className="mono break-anywhere">{key.keyId}</td>
          <td>
            {formatDate(key.addedAt)} by {key.addedBy}
          </td>
          <td>
            <button type="button" className="button secondary small" onClick={() => onRemove(key)}>
              Remove<span className="visually-hidden"> {key.name}</span>
            </button>
          </td>
        </tr>
      ))}
    </Table>
  );
}
