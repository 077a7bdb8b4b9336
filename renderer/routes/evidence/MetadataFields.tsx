import type { MethodInput } from '../../../shared/contract';
import {
  EVIDENCE_KINDS,
  EVIDENCE_KIND_LABELS,
  type EvidenceKind,
  type EvidenceRecord,
} from '../../../shared/evidence/schema';
import type { FieldError } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/fields';
import { fieldsOf } from '../../components/use-form';

/** The description of a piece of evidence as typed into a form (empty strings, not nulls). */
export interface MetadataDraft {
  title: string;
  kind: EvidenceKind;
  effectiveDate: string;
  expiryDate: string;
  personalData: boolean;
  retainUntil: string;
  notes: string;
}

export const EMPTY_METADATA: MetadataDraft = {
  title: '',
  kind: 'other',
  effectiveDate: '',
  expiryDate: '',
  personalData: false,
  retainUntil: '',
  notes: '',
};

export function draftFromRecord(record: EvidenceRecord): MetadataDraft {
  return {
    title: record.title,
    kind: record.kind,
    effectiveDate: record.effectiveDate ?? '',
    expiryDate: record.expiryDate ?? '',
    personalData: record.personalData,
    retainUntil: record.retainUntil ?? '',
    notes: record.notes ?? '',
  };
}

type Metadata = MethodInput<'evidence.add'>['metadata'];

export function metadataFromDraft(draft: MetadataDraft, withTitle: boolean): Metadata {
  return {
    title: withTitle && draft.title.trim() ? draft.title.trim() : undefined,
    kind: draft.kind,
    effectiveDate: draft.effectiveDate || null,
    expiryDate: draft.expiryDate || null,
    personalData: draft.personalData,
    retainUntil: draft.retainUntil || null,
    notes: draft.notes.trim() || null,
  };
}

/** Problems the form can spot before asking the core (which checks the same again). */
export function checkMetadata({
  draft,
  prefix,
  withTitle,
}: {
  draft: MetadataDraft;
  prefix: string;
  withTitle: boolean;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (withTitle && draft.title.trim().length === 1)
    problems.push({ field: `${prefix}-title`, message: 'A title needs at least 2 characters' });
  if (draft.effectiveDate && draft.expiryDate && draft.expiryDate < draft.effectiveDate)
    problems.push({
      field: `${prefix}-expiryDate`,
      message: 'The expiry date must be on or after the effective date',
    });
  return problems;
}

/** Maps a problem path from the core (`metadata.expiryDate`) to this form's field key. */
export const metadataFieldOf =
  (prefix: string) =>
  (path: string): string => {
    const parts = path.split(/[.[\]]/).filter(Boolean);
    const name = parts[0] === 'metadata' ? parts[1] : parts[0];
    return `${prefix}-${name ?? ''}`;
  };

/**
 * Title, kind, dates, personal data and notes: the same fields when adding evidence and when
 * correcting its description later. Field ids carry a prefix, as several forms can be open.
 */
export function MetadataFields({
  prefix,
  value,
  onChange,
  errors,
  titleMode,
}: {
  prefix: string;
  value: MetadataDraft;
  onChange: (next: MetadataDraft) => void;
  errors: FieldError[];
  /**
   * 'file' or 'link': an optional title for the one file or link; 'many': each file keeps its
   * own name; 'required' when editing.
   */
  titleMode: 'file' | 'link' | 'many' | 'required';
}) {
  const field = fieldsOf({
    draft: value,
    update: (change) => onChange(change(value)),
    errors,
    prefix: `${prefix}-`,
  });
  const kind = field('kind');
  return (
    <>
      {titleMode === 'many' ? (
        <p className="hint">
          Each file is listed under its own file name; you can rename them later.
        </p>
      ) : (
        <TextField
          {...field('title')}
          label="Title"
          hint={
            titleMode === 'file'
              ? 'Leave blank to use the file name.'
              : titleMode === 'link'
                ? 'Leave blank to use the web address.'
                : undefined
          }
          required={titleMode === 'required'}
        />
      )}
      <SelectField
        {...kind}
        label="Kind of evidence"
        onChange={(chosen) => kind.onChange(chosen || 'other')}
        options={EVIDENCE_KINDS}
        labels={EVIDENCE_KIND_LABELS}
        required
      />
      <div className="field-row">
        <TextField
          {...field('effectiveDate')}
          label="Effective date"
          hint="When it came into force."
          type="date"
          width="short"
        />
        <TextField
          {...field('expiryDate')}
          label="Expiry date"
          hint="For example, when insurance must be renewed."
          type="date"
          width="short"
        />
      </div>
      <CheckboxField
        {...field('personalData')}
        label="Contains personal data"
        hint="Case notes, DBS details or photos of people, for example."
      />
      <TextField
        {...field('retainUntil')}
        label="Keep until"
        hint="After this date it is listed for secure removal."
        type="date"
        width="short"
      />
      <TextArea {...field('notes')} label="Notes" rows={2} />
    </>
  );
}
