import type {
  BundleCertificate,
  BundleEvidence,
  PreviewItem,
  PreviewStatus,
  RecordKind,
} from '../../../shared/bundles/schema';
import type { Row } from './records';

export type Op = 'insert' | 'update';

/** What applying the bundle would do, record by record, and the preview items that say so. */
export interface Plan {
  items: PreviewItem[];
  installFramework: boolean;
  provider: Op | null;
  services: { row: Row; op: Op }[];
  /** `replace` rewrites the working state (ratings, actions, findings) with the bundle's. */
  assessment: { row: Row; op: 'insert' | 'replace' } | null;
  revisions: { row: Row; op: Op }[];
  decisions: Row[];
  evidence: { record: BundleEvidence; op: Op }[];
  certificates: { record: BundleCertificate; op: 'insert' | 'append'; newEvents: Row[] }[];
  /** Local certificates an imported renewal supersedes. */
  superseded: { number: string; by: string; from: string }[];
}

export const date = (iso: unknown) => String(iso).slice(0, 10);
export const fields = (names: string[]) =>
  names.length > 4
    ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`
    : names.join(', ');

/** Adds one record's line to the preview. */
export type Add = (
  kind: RecordKind,
  id: string,
  label: string,
  status: PreviewStatus,
  detail: string | null,
) => void;
