import type { MethodInput } from '../../../shared/contract';
import {
  EVIDENCE_KINDS,
  EVIDENCE_KIND_LABELS,
  type EvidenceKind,
  type EvidenceRecord,
} from '../../../shared/evidence/schema';
import type { FieldError } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/fields';

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

export function draftFromRecord(r: EvidenceRecord): MetadataDraft {
  return {
    title: r.title,
    kind: r.kind,
    effectiveDate: r.effectiveDate ?? '',
    expiryDate: r.expiryDate ?? '',
    personalData: r.personalData,
    retainUntil: r.retainUntil ?? '',
    notes: r.notes ?? '',
  };
}

type Metadata = MethodInput<'evidence.add'>['metadata'];

export function metadataFromDraft(d: MetadataDraft, withTitle: boolean): Metadata {
  return {
    title: withTitle && d.title.trim() ? d.title.trim() : undefined,
    kind: d.kind,
    effectiveDate: d.effectiveDate || null,
    expiryDate: d.expiryDate || null,
    personalData: d.personalData,
    retainUntil: d.retainUntil || null,
    notes: d.notes.trim() || null,
  };
}

/** Problems the form can spot before asking the core (which checks the same again). */
export function checkMetadata(d: MetadataDraft, prefix: string, withTitle: boolean): FieldError[] {
  const problems: FieldError[] = [];
  if (withTitle && d.title.trim().length === 1)
    problems.push({ field: `${prefix}-title`, message: 'A title needs at least 2 characters' });
  if (d.effectiveDate && d.expiryDate && d.expiryDate < d.effectiveDate)
    problems.push({
      field: `${prefix}-expiryDate`,
      message: 'The expiry date must be on or after the effective date',
    });
  return problems;
}

/** Maps a problem path from the core (`metadata.expiryDate`) to this form's field key. */
export function metadataFieldOf(prefix: string, path: string): string {
  const last = path.split(/[.[\]]/).filter(Boolean);
  const name = last[0] === 'metadata' ? last[1] : last[0];
  return `${prefix}-${name ?? ''}`;
}

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
  const errorFor = (name: string) => errors.find((e) => e.field === `${prefix}-${name}`)?.message;
  const set = <K extends keyof MetadataDraft>(key: K, v: MetadataDraft[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <>
      {titleMode === 'many' ? (
        <p className="hint">
          Each file is listed under its own file name; you can rename them later.
        </p>
      ) : (
        <TextField
          name={`${prefix}-title`}
          label="Title"
          hint={
            titleMode === 'file'
              ? 'Leave blank to use the file name.'
              : titleMode === 'link'
                ? 'Leave blank to use the web address.'
                : undefined
          }
          value={value.title}
          onChange={(v) => set('title', v)}
          error={errorFor('title')}
          required={titleMode === 'required'}
        />
      )}
      <SelectField
        name={`${prefix}-kind`}
        label="Kind of evidence"
        value={value.kind}
        onChange={(v) => set('kind', v || 'other')}
        options={EVIDENCE_KINDS}
        labels={EVIDENCE_KIND_LABELS}
        error={errorFor('kind')}
        required
      />
      <div className="field-row">
        <TextField
          name={`${prefix}-effectiveDate`}
          label="Effective date"
          hint="When it came into force."
          type="date"
          width="short"
          value={value.effectiveDate}
          onChange={(v) => set('effectiveDate', v)}
          error={errorFor('effectiveDate')}
        />
        <TextField
          name={`${prefix}-expiryDate`}
          label="Expiry date"
          hint="For example, when insurance must be renewed."
          type="date"
          width="short"
          value={value.expiryDate}
          onChange={(v) => set('expiryDate', v)}
          error={errorFor('expiryDate')}
        />
      </div>
      <CheckboxField
        name={`${prefix}-personalData`}
        label="Contains personal data"
        hint="Case notes, DBS details or photos of people, for example."
        checked={value.personalData}
        onChange={(v) => set('personalData', v)}
      />
      <TextField
        name={`${prefix}-retainUntil`}
        label="Keep until"
        hint="After this date it is listed for secure removal."
        type="date"
        width="short"
        value={value.retainUntil}
        onChange={(v) => set('retainUntil', v)}
        error={errorFor('retainUntil')}
      />
      <TextArea
        name={`${prefix}-notes`}
        label="Notes"
        rows={2}
        value={value.notes}
        onChange={(v) => set('notes', v)}
        error={errorFor('notes')}
      />
    </>
  );
}
