import { useState } from 'react';
import {
  PREVIEW_STATUS_LABELS,
  RECORD_KIND_LABELS,
  type BundlePreview,
  type PreviewStatus,
} from '../../../shared/bundles/schema';
import { formatBytes } from '../../components/bytes';
import { formatDate } from '../../components/labels';

const BADGE: Record<PreviewStatus, string> = {
  new: 'badge badge-good',
  changed: 'badge badge-fair',
  conflict: 'badge badge-weak',
  unchanged: 'badge badge-muted',
};

/** Who sent the bundle and what it holds, before the record-by-record table. */
export function PreviewSummary({ preview }: { preview: BundlePreview }) {
  const { sender, subject, framework, evidenceFiles } = preview;
  return (
    <dl className="summary-list">
      <dt>From</dt>
      <dd>
        {sender.name}, signed with the key you trust as “{sender.trustedAs}”{' '}
        <span className="mono break-anywhere">({sender.keyId})</span>
      </dd>
      <dt>Made</dt>
      <dd>
        {formatDate(preview.createdAt)} by {preview.createdBy}
      </dd>
      <dt>Assessment</dt>
      <dd>
        {subject.kind === 'self' ? 'Self-assessment' : 'External assessment'} of{' '}
        {subject.providerName}, revision {subject.revision}
      </dd>
      <dt>Standards</dt>
      <dd>
        {framework.id}@{framework.version}
        {framework.installed ? '' : ' (not installed here: it comes with the bundle)'}
      </dd>
      <dt>Evidence files</dt>
      <dd>
        {evidenceFiles.included} included ({formatBytes(evidenceFiles.bytes)})
        {evidenceFiles.leftOut > 0
          ? `; ${evidenceFiles.leftOut} left out by the sender as personal data`
          : ''}
      </dd>
    </dl>
  );
}

/** Every record the bundle holds and what importing would do with it; unchanged ones on request. */
export function PreviewTable({ preview }: { preview: BundlePreview }) {
  const others = preview.items.filter((i) => i.status !== 'unchanged');
  const [showUnchanged, setShowUnchanged] = useState(others.length === 0);
  const rows = showUnchanged ? preview.items : others;
  const { counts } = preview;
  return (
    <>
      <p>
        {counts.new} new, {counts.changed} changed, {counts.unchanged} unchanged
        {counts.conflict > 0 ? `, ${counts.conflict} in conflict` : ''}.
      </p>
      {counts.unchanged > 0 && others.length > 0 ? (
        <div className="field checkbox">
          <input
            id="field-show-unchanged"
            type="checkbox"
            checked={showUnchanged}
            onChange={(e) => setShowUnchanged(e.target.checked)}
          />
          <label htmlFor="field-show-unchanged">
            {counts.unchanged === 1
              ? 'Show the unchanged record too'
              : `Show the ${counts.unchanged} unchanged records too`}
          </label>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <caption>Records in the bundle</caption>
          <thead>
            <tr>
              <th scope="col">What importing does</th>
              <th scope="col">Record</th>
              <th scope="col">Name</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => (
              <tr key={`${item.kind}:${item.id}`}>
                <td>
                  <span className={BADGE[item.status]}>{PREVIEW_STATUS_LABELS[item.status]}</span>
                </td>
                <td>{RECORD_KIND_LABELS[item.kind]}</td>
                <th scope="row">
                  {item.label}
                  <span className="cell-detail mono break-anywhere">{item.id}</span>
                </th>
                <td>{item.detail ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
