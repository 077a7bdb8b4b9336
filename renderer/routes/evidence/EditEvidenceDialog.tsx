import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorsFrom } from '../../components/problems';
import { useForm } from '../../components/use-form';
import {
  checkMetadata,
  draftFromRecord,
  MetadataFields,
  metadataFieldOf,
  metadataFromDraft,
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
  const prefix = `edit-${record.id}`;
  const form = useForm({
    initial: () => draftFromRecord(record),
    check: (draft) => [
      ...(draft.title.trim().length === 0
        ? [{ field: `${prefix}-title`, message: 'Give the evidence a title' }]
        : []),
      ...checkMetadata({ draft, prefix, withTitle: true }),
    ],
    send: async (draft) =>
      onSaved(
        await invoke('evidence.update', {
          id: record.id,
          metadata: metadataFromDraft(draft, true),
        }),
      ),
    errorsFrom: (error) => fieldErrorsFrom(error, metadataFieldOf(prefix)),
  });
  return (
    <FormDialog
      title={`Edit details: ${record.title}`}
      onClose={onClose}
      onSubmit={form.onSubmit}
      submitLabel="Save changes"
      busy={form.busy}
    >
      <ErrorSummary errors={form.errors} title="The changes could not be saved" />
      <MetadataFields
        prefix={prefix}
        value={form.draft}
        onChange={form.setDraft}
        errors={form.errors}
        titleMode="required"
      />
    </FormDialog>
  );
}
