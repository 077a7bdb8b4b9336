import { Page } from '../../components/Page';
import { OrphansPanel } from './OrphansPanel';
import { RetentionPanel } from './RetentionPanel';
import { VerifyPanel } from './VerifyPanel';

/** Looking after the evidence store as a whole: integrity, unused files and retention. */
export function EvidenceStorePage() {
  return (
    <Page title="Evidence store">
      <p className="lede">
        Every evidence file is kept once, named by its fingerprint, in this computer&rsquo;s data
        folder. Check that none has gone missing or changed, clear out files nothing uses, and
        remove personal data you no longer need to keep.
      </p>
      <VerifyPanel />
      <RetentionPanel />
      <OrphansPanel />
    </Page>
  );
}
