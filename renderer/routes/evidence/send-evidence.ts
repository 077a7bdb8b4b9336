import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke, stageFile, type EvidenceSource } from '../../api/bridge';
import { TransferTracker, type TransferSnapshot } from '../../api/transfer-progress';
import { metadataFromDraft, type MetadataDraft } from './MetadataFields';

/** What the add form sends: files or a link, one description for all, and the criteria. */
export interface EvidenceToAdd {
  assessmentId: string;
  criteria: string[];
  files: File[];
  /** A web link instead of files. */
  url: string | null;
  metadata: MetadataDraft;
  /** One file or one link can have its own title; several files keep their names. */
  withTitle: boolean;
}

/**
 * Streams the files to the core (never into the page), one at a time, then records them all at
 * once, with one running total over every byte for the progress bar.
 */
export async function sendEvidence(
  evidence: EvidenceToAdd,
  onProgress: (snapshot: TransferSnapshot) => void,
): Promise<EvidenceRecord[]> {
  const totalBytes = evidence.files.reduce((sum, file) => sum + file.size, 0);
  const tracker = new TransferTracker(totalBytes);
  const track = (progress: Parameters<TransferTracker['update']>[0]) =>
    onProgress(tracker.update(progress));
  const sources: (EvidenceSource | { kind: 'link'; url: string })[] = [];
  if (evidence.url !== null) {
    sources.push({ kind: 'link', url: evidence.url });
  } else {
    onProgress({ phase: 'preparing', done: 0, total: totalBytes });
    for (const file of evidence.files) sources.push(await stageFile(file, track));
    // Sent files are recorded next; on the desktop this is when they are copied in.
    onProgress({ ...tracker.snapshot(), phase: 'recording the evidence' });
  }
  return invoke(
    'evidence.add',
    {
      assessmentId: evidence.assessmentId,
      criteria: evidence.criteria,
      sources,
      metadata: metadataFromDraft(evidence.metadata, evidence.withTitle),
    },
    track,
  );
}
