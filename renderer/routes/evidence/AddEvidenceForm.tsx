import { useState, type FormEvent } from 'react';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke, stageFile, type EvidenceSource } from '../../api/bridge';
import { TransferTracker, type TransferSnapshot } from '../../api/transfer-progress';
import { formatBytes } from '../../components/bytes';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { fieldErrorsFrom } from '../../components/problems';
import { ProgressBar } from '../../components/ProgressBar';
import { CriteriaPicker, type DomainChoices } from './CriteriaPicker';
import { plural } from './describe';
import type { GatheredFiles } from './dropped-files';
import { FileDropZone } from './FileDropZone';
import {
  checkMetadata,
  EMPTY_METADATA,
  MetadataFields,
  metadataFieldOf,
  metadataFromDraft,
  type MetadataDraft,
} from './MetadataFields';

// The core takes at most this many sources in one call (all recorded or none).
const MAX_SOURCES = 1000;

const fileKey = (f: File) => `${f.webkitRelativePath || f.name}:${f.size}:${f.lastModified}`;

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Adds files or a web link, with one description for all of them. Files are streamed to the core
 * (never read into the page), one at a time, with a single progress bar over every byte.
 */
export function AddEvidenceForm({
  assessmentId,
  prefix,
  label,
  criteria,
  choices,
  allowFolder = false,
  onAdded,
}: {
  assessmentId: string;
  prefix: string;
  /** The form's accessible name, e.g. "Add evidence for OL1.1". */
  label: string;
  /** Fixed criteria (on a criterion's card); otherwise chosen with `choices`. */
  criteria?: string[];
  choices?: DomainChoices[];
  allowFolder?: boolean;
  onAdded: (records: EvidenceRecord[]) => void;
}) {
  const [mode, setMode] = useState<'files' | 'link'>('files');
  const [files, setFiles] = useState<File[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [url, setUrl] = useState('');
  const [metadata, setMetadata] = useState<MetadataDraft>(EMPTY_METADATA);
  const [chosen, setChosen] = useState<string[]>(criteria ?? []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [progress, setProgress] = useState<TransferSnapshot | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const titleMode = mode === 'link' ? 'link' : files.length <= 1 ? 'file' : 'many';
  const errorFor = (name: string) => errors.find((e) => e.field === `${prefix}-${name}`)?.message;

  function addFiles({ files: more, skipped: hidden }: GatheredFiles) {
    setFiles((previous) => {
      const seen = new Set(previous.map(fileKey));
      return [...previous, ...more.filter((f) => !seen.has(fileKey(f)))];
    });
    setSkipped((n) => n + hidden);
    setErrors((list) => list.filter((e) => e.field !== `${prefix}-files`));
    setStatus(
      `${plural(more.length, 'file', 'files')} chosen` +
        (hidden > 0
          ? `; ${plural(hidden, 'hidden file was', 'hidden files were')} left out.`
          : '.'),
    );
  }

  function check(): FieldError[] {
    const problems: FieldError[] = [];
    if (mode === 'files' && files.length === 0)
      problems.push({ field: `${prefix}-files`, message: 'Choose at least one file to add' });
    if (mode === 'files' && files.length > MAX_SOURCES)
      problems.push({
        field: `${prefix}-files`,
        message: `Add at most ${MAX_SOURCES} files at a time; you chose ${files.length}`,
      });
    if (mode === 'link' && !/^https?:\/\/\S+$/i.test(url.trim()))
      problems.push({
        field: `${prefix}-url`,
        message: 'Enter the web address, starting with https:// or http://',
      });
    return [...problems, ...checkMetadata(metadata, prefix, titleMode !== 'many')];
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems = check();
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setStatus(
      mode === 'link' ? 'Adding the link…' : `Adding ${plural(files.length, 'file', 'files')}…`,
    );
    const tracker = new TransferTracker(totalBytes);
    const onProgress = (p: Parameters<TransferTracker['update']>[0]) =>
      setProgress(tracker.update(p));
    try {
      const sources: (EvidenceSource | { kind: 'link'; url: string })[] = [];
      if (mode === 'link') {
        sources.push({ kind: 'link', url: url.trim() });
      } else {
        setProgress({ phase: 'preparing', done: 0, total: totalBytes });
        for (const file of files) sources.push(await stageFile(file, onProgress));
        // Sent files are recorded next; on the desktop this is when they are copied in.
        setProgress({ ...tracker.snapshot(), phase: 'recording the evidence' });
      }
      const records = await invoke(
        'evidence.add',
        {
          assessmentId,
          criteria: chosen,
          sources,
          metadata: metadataFromDraft(metadata, titleMode !== 'many'),
        },
        onProgress,
      );
      setFiles([]);
      setSkipped(0);
      setUrl('');
      setMetadata(EMPTY_METADATA);
      if (!criteria) setChosen([]);
      setStatus('');
      onAdded(records);
    } catch (error) {
      setStatus('');
      setErrors(
        fieldErrorsFrom(error, (path) =>
          path.startsWith('sources')
            ? `${prefix}-${mode === 'link' ? 'url' : 'files'}`
            : path.startsWith('criteria')
              ? `${prefix}-criteria`
              : metadataFieldOf(prefix, path),
        ),
      );
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  return (
    <form className="add-evidence" aria-label={label} onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary errors={errors} title="The evidence could not be added" />
      <fieldset className="fieldset inline-radios" disabled={busy}>
        <legend>What are you adding?</legend>
        {(['files', 'link'] as const).map((m) => (
          <div className="radio" key={m}>
            <input
              type="radio"
              id={`${prefix}-mode-${m}`}
              name={`${prefix}-mode`}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setErrors([]);
              }}
            />
            <label htmlFor={`${prefix}-mode-${m}`}>{m === 'files' ? 'Files' : 'A web link'}</label>
          </div>
        ))}
      </fieldset>

      {mode === 'files' ? (
        <>
          <FileDropZone
            prefix={prefix}
            allowFolder={allowFolder}
            disabled={busy}
            error={errorFor('files')}
            onFiles={addFiles}
          />
          {files.length > 0 ? (
            <div className="chosen-files">
              <p>
                <strong>{plural(files.length, 'file', 'files')} chosen</strong>,{' '}
                {formatBytes(totalBytes)} in all
                {skipped > 0 ? ` (${plural(skipped, 'hidden file', 'hidden files')} left out)` : ''}
                .
              </p>
              <ul className="chosen-list">
                {files.slice(0, 50).map((f) => (
                  <li key={fileKey(f)}>
                    {f.webkitRelativePath || f.name}{' '}
                    <span className="muted">({formatBytes(f.size)})</span>{' '}
                    <button
                      type="button"
                      className="button link small"
                      disabled={busy}
                      onClick={() => setFiles((list) => list.filter((x) => x !== f))}
                    >
                      Remove <span className="visually-hidden">{f.name} from the list</span>
                    </button>
                  </li>
                ))}
                {files.length > 50 ? <li>and {files.length - 50} more</li> : null}
              </ul>
            </div>
          ) : null}
        </>
      ) : (
        <TextField
          name={`${prefix}-url`}
          label="Web address"
          hint="For example, the policy on your website."
          type="url"
          value={url}
          onChange={setUrl}
          error={errorFor('url')}
          required
        />
      )}

      <fieldset className="fieldset nested" disabled={busy}>
        <legend>About this evidence</legend>
        <MetadataFields
          prefix={prefix}
          value={metadata}
          onChange={setMetadata}
          errors={errors}
          titleMode={titleMode}
        />
      </fieldset>

      {choices ? (
        <CriteriaPicker
          prefix={prefix}
          domains={choices}
          selected={chosen}
          onChange={setChosen}
          error={errorFor('criteria')}
        />
      ) : null}

      {progress ? (
        <ProgressBar
          label="Adding evidence"
          value={progress.done}
          max={progress.total}
          text={`${sentence(progress.phase)}: ${formatBytes(progress.done)} of ${formatBytes(progress.total)}`}
        />
      ) : null}
      {/* Read out only: the list of chosen files and the progress bar show the same. */}
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <button type="submit" className="button" disabled={busy} id={`${prefix}-submit`}>
        {mode === 'link'
          ? 'Add link'
          : files.length > 1
            ? `Add ${files.length} files`
            : 'Add evidence'}
        {criteria?.length === 1 ? <span className="visually-hidden"> to {criteria[0]}</span> : null}
      </button>
    </form>
  );
}
