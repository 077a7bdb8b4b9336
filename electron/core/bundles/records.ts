import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../shared/signing/canonical-json';

/**
 * A table as a bundle carries it: the columns that travel (derived ones such as `name_key` are
 * recomputed), which of them are booleans kept as 0/1 and which hold JSON text. Records use the
 * columns' camelCase names, so one mapping serves export, import and comparison alike.
 */
export interface TableSpec {
  table: string;
  columns: readonly string[];
  booleans?: readonly string[];
  json?: readonly string[];
}

export type Row = Record<string, unknown>;

const camel = (column: string) =>
  column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

export const PROVIDERS: TableSpec = {
  table: 'providers',
  columns: [
    'id',
    'name',
    'type',
    'charity_number',
    'company_number',
    'region',
    'address_line1',
    'address_line2',
    'town',
    'postcode',
    'website',
    'description',
    'contacts',
    'archived_at',
    'created_at',
    'updated_at',
  ],
  json: ['contacts'],
};

export const SERVICES: TableSpec = {
  table: 'services',
  columns: [
    'id',
    'provider_id',
    'name',
    'category',
    'description',
    'referral_route',
    'self_referral',
    'accepting_referrals',
    'places_per_month',
    'waiting_weeks',
    'capacity_confirmed_on',
    'archived_at',
    'created_at',
    'updated_at',
  ],
  booleans: ['self_referral', 'accepting_referrals'],
};

export const ASSESSMENTS: TableSpec = {
  table: 'assessments',
  columns: [
    'id',
    'provider_id',
    'kind',
    'status',
    'framework_id',
    'framework_version',
    'provider_type',
    'started_at',
    'started_by',
    'updated_at',
    'progress_percent',
    'score_percent',
    'outcome',
    'assessor',
    'based_on',
    'conflict',
    'revision',
    'submitted_at',
  ],
};

export const RATINGS: TableSpec = {
  table: 'ratings',
  columns: [
    'assessment_id',
    'criterion',
    'rating',
    'note',
    'reason',
    'override_reason',
    'updated_at',
    'updated_by',
  ],
};

export const ACTIONS: TableSpec = {
  table: 'improvement_actions',
  columns: [
    'id',
    'assessment_id',
    'criterion',
    'description',
    'owner',
    'due_date',
    'status',
    'created_at',
    'updated_at',
  ],
};

export const FINDINGS: TableSpec = {
  table: 'findings',
  columns: [
    'id',
    'assessment_id',
    'criterion',
    'type',
    'text',
    'action',
    'action_owner',
    'action_due',
    'created_at',
    'created_by',
    'updated_at',
  ],
};

export const REVISIONS: TableSpec = {
  table: 'assessment_revisions',
  columns: [
    'assessment_id',
    'revision',
    'opened_at',
    'opened_by',
    'reason',
    'sealed_at',
    'sealed_by',
    'snapshot',
    'sha256',
  ],
  json: ['snapshot'],
};

export const DECISIONS: TableSpec = {
  table: 'decisions',
  columns: [
    'id',
    'assessment_id',
    'revision',
    'outcome',
    'recommended_outcome',
    'conditions',
    'conditions_due',
    'reasons',
    'decided_by',
    'decided_at',
  ],
};

export const EVIDENCE: TableSpec = {
  table: 'evidence',
  columns: [
    'id',
    'assessment_id',
    'sha256',
    'url',
    'title',
    'kind',
    'original_name',
    'size',
    'media_type',
    'effective_date',
    'expiry_date',
    'personal_data',
    'retain_until',
    'notes',
    'added_by',
    'added_at',
    'removed_at',
    'removed_by',
    'removal_reason',
    'sealed_at',
  ],
  booleans: ['personal_data'],
};

export const CERTIFICATES: TableSpec = {
  table: 'certificates',
  columns: [
    'number',
    'base_number',
    'reissue',
    'assessment_id',
    'decision_id',
    'provider_id',
    'status',
    'issued_on',
    'expires_on',
    'suspended_on',
    'superseded_by',
    'key_id',
    'document',
    'created_at',
  ],
  json: ['document'],
};

export const CERTIFICATE_EVENTS: TableSpec = {
  table: 'certificate_events',
  columns: ['at', 'actor', 'action', 'from_status', 'to_status', 'reason'],
};

/** A database row as a bundle record: camelCase names, booleans and parsed JSON. */
export function toRecord(spec: TableSpec, row: Row): Row {
  const out: Row = {};
  for (const column of spec.columns) {
    const value = row[column];
    if (spec.booleans?.includes(column)) out[camel(column)] = value === 1;
    else if (spec.json?.includes(column))
      out[camel(column)] = value === null ? null : (JSON.parse(String(value)) as unknown);
    else out[camel(column)] = value;
  }
  return out;
}

/** A bundle record as the row it is stored as. */
export function toRow(spec: TableSpec, record: Row): Row {
  const out: Row = {};
  for (const column of spec.columns) {
    const value = record[camel(column)];
    if (spec.booleans?.includes(column)) out[column] = value === true ? 1 : 0;
    else if (spec.json?.includes(column))
      out[column] = value === null || value === undefined ? null : JSON.stringify(value);
    else out[column] = value === undefined ? null : value;
  }
  return out;
}

/** The record's fields (camelCase) whose stored values differ; JSON compared by content. */
export function differingFields(spec: TableSpec, local: Row, incoming: Row): string[] {
  const differ: string[] = [];
  for (const column of spec.columns) {
    const mine = local[column] ?? null;
    const theirs = incoming[column] ?? null;
    const same =
      spec.json?.includes(column) && mine !== null && theirs !== null
        ? canonicalJson(JSON.parse(String(mine))) === canonicalJson(JSON.parse(String(theirs)))
        : mine === theirs;
    if (!same) differ.push(camel(column));
  }
  return differ;
}

export function selectRows(
  db: Database,
  spec: TableSpec,
  where: string,
  params: unknown[],
  order = 'rowid',
): Row[] {
  return db
    .prepare(
      `SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE ${where} ORDER BY ${order}`,
    )
    .all(...params) as Row[];
}

export function selectRow(
  db: Database,
  spec: TableSpec,
  where: string,
  params: unknown[],
): Row | undefined {
  return db
    .prepare(`SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE ${where}`)
    .get(...params) as Row | undefined;
}

export function insertRow(db: Database, spec: TableSpec, row: Row, extra: Row = {}): void {
  const columns = [...spec.columns, ...Object.keys(extra)];
  db.prepare(
    `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run({ ...row, ...extra });
}

/** Updates every carried column of the row found by `keys` (columns named in both). */
export function updateRow(
  db: Database,
  spec: TableSpec,
  row: Row,
  keys: readonly string[],
  extra: Row = {},
): void {
  const columns = [...spec.columns.filter((c) => !keys.includes(c)), ...Object.keys(extra)];
  db.prepare(
    `UPDATE ${spec.table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE ${keys
      .map((k) => `${k} = @${k}`)
      .join(' AND ')}`,
  ).run({ ...row, ...extra });
}
