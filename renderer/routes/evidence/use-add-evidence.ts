import { useState } from 'react';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import type { TransferSnapshot } from '../../api/transfer-progress';
import type { FieldError } from '../../components/ErrorSummary';
import { fieldErrorsFrom } from '../../components/problems';
import { useForm } from '../../components/use-form';
import { fileKey } from './ChosenFiles';
import type { GatheredFiles } from './dropped-files';
import {
  checkMetadata,
  EMPTY_METADATA,
  metadataFieldOf,
  type MetadataDraft,
} from './MetadataFields';
import { sendEvidence } from './send-evidence';

// The core takes at most this many sources in one call (all recorded or none).
const MAX_SOURCES = 1000;

export type Mode = 'files' | 'link';

interface Draft {
  mode: Mode;
  files: File[];
  /** Hidden files left out of folders added so far. */
  skipped: number;
  url: string;
  metadata: MetadataDraft;
  criteria: string[];
}

function checkEvidence(draft: Draft, prefix: string): FieldError[] {
  const problems: FieldError[] = [];
  const { mode, files } = draft;
  if (mode === 'files' && files.length === 0)
    problems.push({ field: `${prefix}-files`, message: 'Choose at least one file to add' });
  if (mode === 'files' && files.length > MAX_SOURCES)
    problems.push({
      field: `${prefix}-files`,
      message: `Add at most ${MAX_SOURCES} files at a time; you chose ${files.length}`,
    });
  if (mode === 'link' && !/^https?:\/\/\S+$/i.test(draft.url.trim()))
    problems.push({
      field: `${prefix}-url`,
      message: 'Enter the web address, starting with https:// or http://',
    });
  return [
    ...problems,
    ...checkMetadata({ draft: draft.metadata, prefix, withTitle: withTitle(draft) }),
  ];
}

export const titleModeOf = (draft: Draft) =>
  draft.mode === 'link' ? 'link' : draft.files.length <= 1 ? 'file' : 'many';
const withTitle = (draft: Draft) => titleModeOf(draft) !== 'many';

/**
 * The add-evidence form's draft and sending: files gathered from pickers and drops (each once),
 * the progress of sending them, and what the status line reads out.
 */
export function useAddEvidence({
  assessmentId,
  prefix,
  criteria,
  onAdded,
}: {
  assessmentId: string;
  prefix: string;
  criteria: string[] | undefined;
  onAdded: (records: EvidenceRecord[]) => void;
}) {
  const [progress, setProgress] = useState<TransferSnapshot | null>(null);
  const [status, setStatus] = useState('');
  const empty: Draft = {
    mode: 'files',
    files: [],
    skipped: 0,
    url: '',
    metadata: EMPTY_METADATA,
    criteria: criteria ?? [],
  };
  const form = useForm<Draft>({
    initial: empty,
    check: (draft) => checkEvidence(draft, prefix),
    send: async (draft) => {
      setStatus(
        draft.mode === 'link'
          ? 'Adding the link…'
          : `Adding ${plural(draft.files.length, 'file', 'files')}…`,
      );
      try {
        const records = await sendEvidence(
          {
            assessmentId,
            criteria: draft.criteria,
            files: draft.files,
            url: draft.mode === 'link' ? draft.url.trim() : null,
            metadata: draft.metadata,
            withTitle: withTitle(draft),
          },
          setProgress,
        );
        form.setDraft({ ...empty, mode: draft.mode });
        onAdded(records);
      } finally {
        setStatus('');
        setProgress(null);
      }
    },
    errorsFrom: (error, sent) =>
      fieldErrorsFrom(error, (path) =>
        path.startsWith('sources')
          ? `${prefix}-${sent.mode === 'link' ? 'url' : 'files'}`
          : path.startsWith('criteria')
            ? `${prefix}-criteria`
            : metadataFieldOf(prefix)(path),
      ),
  });
  function addFiles({ files: more, skipped: hidden }: GatheredFiles) {
    form.setDraft((current) => {
      const seen = new Set(current.files.map(fileKey));
      return {
        ...current,
        files: [...current.files, ...more.filter((file) => !seen.has(fileKey(file)))],
        skipped: current.skipped + hidden,
      };
    });
    form.setErrors((list) => list.filter((e) => e.field !== `${prefix}-files`));
    setStatus(
      `${plural(more.length, 'file', 'files')} chosen` +
        (hidden > 0
          ? `; ${plural(hidden, 'hidden file was', 'hidden files were')} left out.`
          : '.'),
    );
  }

  return { form, progress, status, addFiles };
}
