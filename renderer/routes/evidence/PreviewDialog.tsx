import { useEffect, useMemo } from 'react';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatBytes } from '../../components/bytes';
import { Dialog } from '../../components/Dialog';
import { previewKindOf, type PreviewKind } from './describe';
import { OpenEvidenceButton } from './OpenEvidenceButton';
import { PdfPreview } from './PdfPreview';

function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** An image from memory: a blob: URL (allowed by the policy's img-src), freed when closed. */
function ImagePreview({
  data,
  mediaType,
  title,
}: {
  data: Uint8Array<ArrayBuffer>;
  mediaType: string;
  title: string;
}) {
  const url = useMemo(
    () => URL.createObjectURL(new Blob([data], { type: mediaType })),
    [data, mediaType],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="preview-image" src={url} alt={`Preview of ${title}`} />;
}

function TextPreview({
  data,
  truncated,
  title,
}: {
  data: Uint8Array;
  truncated: boolean;
  title: string;
}) {
  const text = useMemo(() => new TextDecoder('utf-8').decode(data), [data]);
  return (
    <>
      {truncated ? (
        <p className="notice notice-info">
          This is the first {formatBytes(data.length)} of a longer file. Open it to read the rest.
        </p>
      ) : null}
      {/* A scrolling region must take focus so keyboard users can scroll it. */}
      <pre className="preview-text" tabIndex={0} aria-label={`Text of ${title}`}>
        {text}
      </pre>
    </>
  );
}

function PreviewBody({ record, kind }: { record: EvidenceRecord; kind: PreviewKind }) {
  const state = useLoad(() => invoke('evidence.preview', { id: record.id }), [record.id]);
  const data = useMemo(
    () => (state.data ? bytesFromBase64(state.data.base64) : null),
    [state.data],
  );
  if (state.error)
    return (
      <p className="notice notice-error" role="alert">
        The preview could not be shown: {state.error.message}
      </p>
    );
  if (!state.data || !data)
    return (
      <p role="status" className="muted">
        Loading the preview…
      </p>
    );
  if (kind === 'image')
    return <ImagePreview data={data} mediaType={state.data.mediaType} title={record.title} />;
  if (kind === 'pdf') return <PdfPreview data={data} title={record.title} />;
  return <TextPreview data={data} truncated={state.data.truncated} title={record.title} />;
}

/** Shows a piece of evidence inside the app: images, PDFs and text; anything else is offered to open. */
export function PreviewDialog({
  record,
  onClose,
}: {
  record: EvidenceRecord;
  onClose: () => void;
}) {
  const kind = record.sha256 ? previewKindOf(record.mediaType) : null;
  return (
    <Dialog
      title={`Preview: ${record.title}`}
      onClose={onClose}
      wide
      footer={record.sha256 ? <OpenEvidenceButton record={record} /> : null}
    >
      <p className="muted">
        {record.originalName}
        {record.size !== null ? `, ${formatBytes(record.size)}` : ''}
        {record.mediaType ? `, ${record.mediaType}` : ''}
      </p>
      {kind ? (
        <PreviewBody record={record} kind={kind} />
      ) : (
        <p className="notice notice-info">
          A preview is not available for this type of file
          {record.mediaType ? ` (${record.mediaType})` : ''}. Use the button below to open it with
          another program.
        </p>
      )}
    </Dialog>
  );
}
