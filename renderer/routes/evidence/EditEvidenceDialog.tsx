import { useId, useState, type FormEvent } from 'react';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { fieldErrorsFrom } from '../../components/problems';
import {
  checkMetadata,
  draftFromRecord,
  MetadataFields,
  metadataFieldOf,
  metadataFromDraft,
  type MetadataDraft,
} from './MetadataFields';

/** Corrects what is recorded about a piece of evidence; the stored file itself never changes. */
export function EditEvidenceDialog({
  record,
  onClose,
  onSaved,
}: {
  record: EvidenceRecord;
  onClose: () => void;
  onSaved: (record: EvidenceRecord) => void;
}) {
  const formId = useId();
  const prefix = `edit-${record.id}`;
  const [draft, setDraft] = useState<MetadataDraft>(() => draftFromRecord(record));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkMetadata(draft, prefix, true);
    if (draft.title.trim().length === 0)
      problems.unshift({ field: `${prefix}-title`, message: 'Give the evidence a title' });
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      onSaved(
        await invoke('evidence.update', {
          id: record.id,
          metadata: metadataFromDraft(draft, true),
        }),
      );
    } catch (error) {
      setErrors(fieldErrorsFrom(error, (path) => metadataFieldOf(prefix, path)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Edit details: ${record.title}`}
      onClose={onClose}
      footer={
        <>
          <button type="submit" form={formId} className="button" disabled={busy}>
            Save changes
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={errors} title="The changes could not be saved" />
        <MetadataFields
          prefix={prefix}
          value={draft}
          onChange={setDraft}
          errors={errors}
          titleMode="required"
        />
      </form>
    </Dialog>
  );
}
