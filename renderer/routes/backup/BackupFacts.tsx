import type { BackupSummary } from '../../../shared/contract/backup';
import { plural } from '../../../shared/text/plural';
import { formatBytes } from '../../components/bytes';
import { formatDateTime } from '../register/format';
import { recordLabel } from './describe';

/** What a backup holds, as its manifest says: when and by what it was made, and how much. */
export function BackupFacts({
  facts,
  caption,
  file,
}: {
  facts: Omit<BackupSummary, 'path'>;
  caption: string;
  /** The backup's path, when the screen does not already show it. */
  file?: string;
}) {
  const counts = Object.entries(facts.counts);
  return (
    <>
      <dl className="summary-list">
        {file ? (
          <>
            <dt>File</dt>
            <dd className="break-anywhere">{file}</dd>
          </>
        ) : null}
        <dt>Made on</dt>
        <dd>{formatDateTime(facts.createdAt)}</dd>
        <dt>Made by</dt>
        <dd>SPQA {facts.appVersion}</dd>
        <dt>Schema version</dt>
        <dd>{facts.schemaVersion}</dd>
        <dt>Database</dt>
        <dd>{formatBytes(facts.databaseBytes)}</dd>
        <dt>Evidence files</dt>
        <dd>
          {plural(facts.evidenceFiles, 'file', 'files')}, {formatBytes(facts.evidenceBytes)}
        </dd>
      </dl>
      {counts.length > 0 ? (
        <div className="table-wrap">
          <table className="table backup-counts">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Records</th>
                <th scope="col" className="number">
                  Number
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map(([table, count]) => (
                <tr key={table}>
                  <th scope="row">{recordLabel(table)}</th>
                  <td className="number">{count.toLocaleString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
