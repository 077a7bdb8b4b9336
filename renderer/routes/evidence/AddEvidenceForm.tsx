import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { formatBytes } from '../../components/bytes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { ProgressBar } from '../../components/ProgressBar';
import { capitalise } from '../../components/text';
import { ChosenFiles } from './ChosenFiles';
import { CriteriaPicker, type DomainChoices } from './CriteriaPicker';
import { FileDropZone } from './FileDropZone';
import { MetadataFields } from './MetadataFields';
import { titleModeOf, useAddEvidence, type Mode } from './use-add-evidence';

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
  const { form, progress, status, addFiles } = useAddEvidence({
    assessmentId,
    prefix,
    criteria,
    onAdded,
  });
  const { draft, set, busy } = form;
  const errorFor = (name: string) => form.errorFor(`${prefix}-${name}`);

  return (
    <form className="add-evidence" aria-label={label} onSubmit={form.onSubmit} noValidate>
      <ErrorSummary errors={form.errors} title="The evidence could not be added" />
      <ModeChoice
        prefix={prefix}
        mode={draft.mode}
        disabled={busy}
        onChange={(mode) => {
          set('mode')(mode);
          form.setErrors([]);
        }}
      />

      {draft.mode === 'files' ? (
        <>
          <FileDropZone
            prefix={prefix}
            allowFolder={allowFolder}
            disabled={busy}
            error={errorFor('files')}
            onFiles={addFiles}
          />
          <ChosenFiles
            files={draft.files}
            skipped={draft.skipped}
            disabled={busy}
            onRemove={(file) => set('files')(draft.files.filter((other) => other !== file))}
          />
        </>
      ) : (
        <TextField
          name={`${prefix}-url`}
          label="Web address"
          hint="For example, the policy on your website."
          type="url"
          value={draft.url}
          onChange={set('url')}
          error={errorFor('url')}
          required
        />
      )}

      <fieldset className="fieldset nested" disabled={busy}>
        <legend>About this evidence</legend>
        <MetadataFields
          prefix={prefix}
          value={draft.metadata}
          onChange={set('metadata')}
          errors={form.errors}
          titleMode={titleModeOf(draft)}
        />
      </fieldset>

      {choices ? (
        <CriteriaPicker
          prefix={prefix}
          domains={choices}
          selected={draft.criteria}
          onChange={set('criteria')}
          error={errorFor('criteria')}
        />
      ) : null}

      {progress ? (
        <ProgressBar
          label="Adding evidence"
          value={progress.done}
          max={progress.total}
          text={`${capitalise(progress.phase)}: ${formatBytes(progress.done)} of ${formatBytes(progress.total)}`}
        />
      ) : null}
      {/* Read out only: the list of chosen files and the progress bar show the same. */}
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <button type="submit" className="button" disabled={busy} id={`${prefix}-submit`}>
        {draft.mode === 'link'
          ? 'Add link'
          : draft.files.length > 1
            ? `Add ${draft.files.length} files`
            : 'Add evidence'}
        {criteria?.length === 1 ? <span className="visually-hidden"> to {criteria[0]}</span> : null}
      </button>
    </form>
  );
}

/** Files or a web link: what the rest of the form asks for follows the choice. */
function ModeChoice({
  prefix,
  mode,
  disabled,
  onChange,
}: {
  prefix: string;
  mode: Mode;
  disabled: boolean;
  onChange: (mode: Mode) => void;
}) {
  return (
    <fieldset className="fieldset inline-radios" disabled={disabled}>
      <legend>What are you adding?</legend>
      {(['files', 'link'] as const).map((choice) => (
        <div className="radio" key={choice}>
          <input
            type="radio"
            id={`${prefix}-mode-${choice}`}
            name={`${prefix}-mode`}
            checked={mode === choice}
            onChange={() => onChange(choice)}
          />
          <label htmlFor={`${prefix}-mode-${choice}`}>
            {choice === 'files' ? 'Files' : 'A web link'}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
