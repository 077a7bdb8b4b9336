import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { LoadError, Loading, Page } from '../../components/Page';
import { MakeBackup } from './MakeBackup';
import { RestoreBackup } from './RestoreBackup';
import './backup.css';

const TITLE = 'Backup and restore';

/** Backing up the data folder into one file, and putting such a file back in its place. */
export function BackupPage() {
  const info = useLoad(() => invoke('system.info', {}), []);
  if (info.error)
    return (
      <Page title={TITLE}>
        <LoadError error={info.error} retry={info.reload} />
      </Page>
    );
  if (!info.data)
    return (
      <Page title={TITLE}>
        <Loading what="where your records are" />
      </Page>
    );
  return (
    <Page title={TITLE}>
      <p className="lede">
        Your records and evidence files are kept in one data folder on this computer:{' '}
        <span className="code break-anywhere">{info.data.dataDir}</span>. Back them up regularly,
        and before you install a new version of SPQA.
      </p>
      <div className="backup-sections">
        <MakeBackup dataDir={info.data.dataDir} />
        <RestoreBackup dataDir={info.data.dataDir} />
      </div>
    </Page>
  );
}
