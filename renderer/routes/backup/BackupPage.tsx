import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { MakeBackup } from './MakeBackup';
import { RestoreBackup } from './RestoreBackup';
import './backup.css';

const TITLE = 'Backup and restore';

/** Backing up the data folder into one file, and putting such a file back in its place. */
export function BackupPage() {
  const info = useLoad(() => invoke('system.info', {}), []);
  return (
    <LoadedPage title={TITLE} state={info} what="where your records are">
      {({ dataDir }) => (
        <Page title={TITLE}>
          <p className="lede">
            Your records and evidence files are kept in one data folder on this computer:{' '}
            <span className="code break-anywhere">{dataDir}</span>. Back them up regularly, and
            before you install a new version of SPQA.
          </p>
          <div className="backup-sections">
            <MakeBackup dataDir={dataDir} />
            <RestoreBackup dataDir={dataDir} />
          </div>
        </Page>
      )}
    </LoadedPage>
  );
}
