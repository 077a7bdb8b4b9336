import type { Ref } from 'react';
import { Link } from 'react-router';
import type { BundlePreview } from '../../../shared/bundles/schema';
import type { BundleImportResult } from '../../../shared/contract/bundles';
import { sentence } from '../../components/text';
import { PreviewSummary, PreviewTable } from './PreviewTable';

/** The bundle was refused, with why; nothing was changed. */
export function BundleRefused({
  fileName,
  message,
  untrusted,
  headingRef,
}: {
  fileName: string;
  message: string;
  /** Signed with a key not trusted here: say how to come to trust it. */
  untrusted: boolean;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <div role="alert" className="notice notice-error">
      <h2 tabIndex={-1} ref={headingRef}>
        {fileName} was not imported
      </h2>
      <p className="break-anywhere">{sentence(message)}</p>
      <p>Nothing in your records was changed.</p>
      {untrusted ? (
        <p>
          If you know the sender, get their public key from them, check its key id with them in
          person or by phone, and add it on the <Link to="/bundles/keys">Trusted keys</Link> screen.
          Then choose the bundle again.
        </p>
      ) : null}
    </div>
  );
}

/** What importing the bundle would do, record by record, and the choice to go ahead. */
export function BundlePreviewed({
  fileName,
  preview,
  headingRef,
  onImport,
  onCancel,
}: {
  fileName: string;
  preview: BundlePreview;
  headingRef: Ref<HTMLHeadingElement>;
  onImport: () => void;
  onCancel: () => void;
}) {
  return (
    <section aria-labelledby="preview-heading" className="panel">
      <h2 id="preview-heading" tabIndex={-1} ref={headingRef}>
        What importing {fileName} would do
      </h2>
      <PreviewSummary preview={preview} />
      {preview.warnings.length > 0 ? (
        <div className="notice notice-warning">
          <ul>
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <PreviewTable preview={preview} />
      {!preview.canApply ? (
        <div className="notice notice-error">
          <p>
            This bundle cannot be imported because some of its records conflict with yours (see the
            table). Nothing has been changed.
          </p>
        </div>
      ) : preview.nothingToImport ? (
        <div className="notice">
          <p>Nothing to import: every record in this bundle is already here.</p>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={onImport}>
            Import {preview.counts.new + preview.counts.changed} new and changed records
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}

/** The bundle was imported (or held nothing new), with the ways to what it brought. */
export function BundleImported({
  result,
  headingRef,
}: {
  result: BundleImportResult;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { subject, items } = result.preview;
  return (
    <div className="notice notice-success" role="status">
      <h2 tabIndex={-1} ref={headingRef}>
        {result.applied ? 'Bundle imported' : 'Nothing to import'}
      </h2>
      <p>{sentence(result.message)}</p>
      <ul>
        <li>
          <Link to={`/assessments/${subject.assessmentId}`}>Open the assessment</Link>
        </li>
        <li>
          <Link to={`/providers/${subject.providerId}`}>Open {subject.providerName}</Link>
        </li>
        {items.some((item) => item.kind === 'certificate') ? (
          <li>
            <Link to="/certificates">See the certificates</Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
