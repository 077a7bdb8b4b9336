import type { Database } from 'better-sqlite3';
import type {
  BundleCertificate,
  BundleEvidence,
  PreviewItem,
  PreviewStatus,
} from '../../../shared/bundles/schema';
import type { ParsedBundle } from './read-bundle';
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
export type Add = (item: PreviewItem) => void;

/** What each part of the planning reads and writes. */
export interface PlanContext {
  db: Database;
  bundle: ParsedBundle;
  plan: Plan;
  add: Add;
}

/** One record's preview line, given only its status and why (kind, id and label fixed here). */
export const noteFor =
  (add: Add, record: Pick<PreviewItem, 'kind' | 'id' | 'label'>) =>
  (status: PreviewStatus, detail: string | null = null) =>
    add({ ...record, status, detail });
