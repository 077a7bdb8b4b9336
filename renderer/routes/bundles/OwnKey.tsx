import { downloadBlob, invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { Loaded } from '../../components/Loaded';
import { ProblemMessage } from '../../components/ProblemMessage';
import { sentence } from '../../components/text';
import { useAction } from '../../components/use-action';

/** This installation's own key, which others need in order to trust bundles from here. */
export function OwnKey() {
  const status = useLoad(() => invoke('keys.status', {}), []);
  const download = useAction();
  return (
    <Loaded state={status} what="your network key">
      {({ networkKey }) => (
        <section className="panel" aria-labelledby="own-key-heading">
          <h2 id="own-key-heading">Your own key</h2>
          {networkKey ? (
            <>
              <p>
                Bundles and certificates from here are signed with{' '}
                <span className="mono break-anywhere">{networkKey.keyId}</span>. It is always
                trusted here. Give its public half to the people who import your bundles, and read
                them the key id so they can check it.
              </p>
              <button
                type="button"
                className="button secondary"
                onClick={() =>
                  void download.run(async () => {
                    const { pem } = await invoke('keys.exportPublic', {});
                    downloadBlob(
                      new Blob([pem], { type: 'application/x-pem-file' }),
                      'spqa-public-key.pem',
                    );
                  }, sentence)
                }
              >
                Download your public key
              </button>
              <ProblemMessage problem={download.problem} />
            </>
          ) : (
            <p>
              This installation has no signing key yet. One is made, under a passphrase you choose,
              the first time you export a bundle or issue a certificate.
            </p>
          )}
        </section>
      )}
    </Loaded>
  );
}
