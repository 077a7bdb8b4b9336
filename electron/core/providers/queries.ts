import type { Database } from 'better-sqlite3';
import type { Provider, ProviderSummary, Service } from '../../../shared/providers/schema';
import type { ProviderType, Region } from '../../../shared/providers/vocabulary';
import { notFound } from '../errors';
import {
  nameKey,
  providerFromRow,
  serviceFromRow,
  type ProviderRow,
  type ServiceRow,
} from './rows';

export interface ProviderFilter {
  query?: string | undefined;
  region?: Region | undefined;
  type?: ProviderType | undefined;
  includeArchived: boolean;
  limit: number;
  offset: number;
}

interface SummaryRow {
  id: string;
  name: string;
  type: ProviderType;
  charity_number: string | null;
  company_number: string | null;
  region: Region | null;
  town: string | null;
  postcode: string | null;
  archived_at: string | null;
  total: number;
  service_count: number;
  a_id: string | null;
  a_kind: string | null;
  a_status: string | null;
  a_progress: number | null;
  a_score: number | null;
  a_outcome: string | null;
  a_updated: string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The distinct three-character pieces of a name key, as SQLite's substr() counts characters. */
export function trigramsOf(key: string): string[] {
  const chars = Array.from(key);
  const all = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) all.add(chars.slice(i, i + 3).join(''));
  return [...all];
}

/** How many of a search's rarest trigrams are looked up (their lists are intersected). */
const RAREST = 2;

/** The next string after every string that starts with `prefix` (for a prefix as a range). */
const prefixEnd = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * The statements a provider listing runs (its count and its page) with their parameters. A
 * search's candidates come from indexes (name trigrams, the numbers, the compact postcode) and
 * are then checked against the search itself, so the indexes only make it fast: what matches is
 * decided by the conditions, as before there were indexes. The provider search benchmark runs
 * these same statements in the sqlite3 shell as its baseline.
 */
export function providerListStatements(filter: ProviderFilter): {
  countSql: string;
  pageSql: string;
  params: Record<string, string | number>;
} {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  let candidates = '';
  let source = 'providers p';
  if (!filter.includeArchived) where.push('p.archived_at IS NULL');
  if (filter.region) {
    where.push('p.region = @region');
    params.region = filter.region;
  }
  if (filter.type) {
    where.push('p.type = @type');
    params.type = filter.type;
  }
  const query = filter.query?.trim();
  if (query) {
    const compact = query.toUpperCase().replace(/\s+/g, '');
    const key = nameKey(query);
    where.push(
      `(p.name_key LIKE @name ESCAPE '\\' OR p.charity_number = @ident OR p.company_number = @ident
        OR replace(p.postcode, ' ', '') LIKE @postcode ESCAPE '\\')`,
    );
    params.name = `%${escapeLike(key)}%`;
    params.ident = compact;
    params.postcode = `${escapeLike(compact)}%`;
    const trigrams = trigramsOf(key);
    trigrams.forEach((t, i) => (params[`t${i}`] = t));
    params.pcLow = compact;
    params.pcHigh = prefixEnd(compact);
    params.key = key;
    // A name holds the search only if it holds each of its trigrams: the rarest two give few
    // candidates, and a trigram no name holds rules names out altogether. A search shorter than
    // three characters is inside some trigram of every name that holds it (names shorter than
    // three characters have none, and are found through their own small index).
    const named =
      trigrams.length === 0
        ? `SELECT provider_id FROM provider_trigrams WHERE trigram IN (
             SELECT trigram FROM provider_trigram_counts WHERE providers > 0 AND instr(trigram, @key) > 0)
           UNION SELECT id FROM providers WHERE length(name_key) < 3 AND name_key LIKE @name ESCAPE '\\'`
        : `SELECT provider_id FROM provider_trigrams
           WHERE trigram IN (SELECT trigram FROM rarest)
           GROUP BY provider_id
           HAVING count(*) = (SELECT count(*) FROM rarest)
             AND (SELECT count(*) FROM provider_trigram_counts
                  WHERE trigram IN (SELECT trigram FROM wanted) AND providers > 0) = ${trigrams.length}`;
    const wanted =
      trigrams.length === 0
        ? ''
        : `wanted(trigram) AS (VALUES ${trigrams.map((_, i) => `(@t${i})`).join(', ')}),
           rarest AS (SELECT trigram FROM provider_trigram_counts
             WHERE trigram IN (SELECT trigram FROM wanted) AND providers > 0
             ORDER BY providers LIMIT ${RAREST}),`;
    candidates = `WITH ${wanted} hits(id) AS (
        ${named}
        UNION SELECT id FROM providers WHERE charity_number = @ident
        UNION SELECT id FROM providers WHERE company_number = @ident
        UNION SELECT id FROM providers
          WHERE replace(postcode, ' ', '') >= @pcLow AND replace(postcode, ' ', '') < @pcHigh)
      `;
    // The candidates drive the query (CROSS JOIN keeps that order): the planner would otherwise
    // walk every provider by another index and look each one up in the candidates.
    source = 'hits CROSS JOIN providers p ON p.id = hits.id';
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  params.limit = filter.limit;
  params.offset = filter.offset;
  // The page is chosen first (ids only, with the total of all that match, counted on the way),
  // then only its rows are filled in with their services and newest assessment.
  const pageCte = `${candidates ? `${candidates}, ` : 'WITH '}page AS (
      SELECT p.id, count(*) OVER () AS total FROM ${source} ${whereSql}
      ORDER BY p.name_key, p.id LIMIT @limit OFFSET @offset)`;
  return {
    countSql: `${candidates}SELECT count(*) AS n FROM ${source} ${whereSql}`,
    pageSql: `${pageCte}
       SELECT p.id, p.name, p.type, p.charity_number, p.company_number, p.region, p.town, p.postcode,
              p.archived_at, page.total,
              (SELECT count(*) FROM services s WHERE s.provider_id = p.id AND s.archived_at IS NULL) AS service_count,
              a.id AS a_id, a.kind AS a_kind, a.status AS a_status, a.progress_percent AS a_progress,
              a.score_percent AS a_score, a.outcome AS a_outcome, a.updated_at AS a_updated
       FROM page CROSS JOIN providers p ON p.id = page.id
       LEFT JOIN assessments a ON a.id = (
         SELECT id FROM assessments WHERE provider_id = p.id ORDER BY started_at DESC, id DESC LIMIT 1)
       ORDER BY p.name_key, p.id`,
    params,
  };
}

/**
 * Providers matching a search by name (any part), charity or company number (exact) or
 * postcode (prefix, spaces ignored), newest assessment alongside.
 */
export function listProviders(
  db: Database,
  filter: ProviderFilter,
): { total: number; items: ProviderSummary[] } {
  const { countSql, pageSql, params } = providerListStatements(filter);
  const rows = db.prepare(pageSql).all(params) as SummaryRow[];
  // Only a page past the end needs counting on its own.
  const total =
    rows[0]?.total ??
    (filter.offset > 0 ? (db.prepare(countSql).get(params) as { n: number }).n : 0);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      charityNumber: r.charity_number,
      companyNumber: r.company_number,
      region: r.region,
      town: r.town,
      postcode: r.postcode,
      archivedAt: r.archived_at,
      serviceCount: r.service_count,
      latestAssessment: r.a_id
        ? {
            id: r.a_id,
            kind: r.a_kind ?? '',
            status: r.a_status ?? '',
            progressPercent: r.a_progress ?? 0,
            scorePercent: r.a_score ?? 0,
            outcome: r.a_outcome ?? '',
            updatedAt: r.a_updated ?? '',
          }
        : null,
    })),
  };
}

export function getProvider(db: Database, id: string): Provider {
  const row = db.prepare('SELECT * FROM providers WHERE id = ?').get(id) as ProviderRow | undefined;
  if (!row) throw notFound('provider', id);
  return providerFromRow(row);
}

export function listServices(db: Database, providerId: string): Service[] {
  const rows = db
    .prepare('SELECT * FROM services WHERE provider_id = ? ORDER BY archived_at IS NOT NULL, name')
    .all(providerId) as ServiceRow[];
  return rows.map(serviceFromRow);
}

export function getService(db: Database, id: string): Service {
  const row = db.prepare('SELECT * FROM services WHERE id = ?').get(id) as ServiceRow | undefined;
  if (!row) throw notFound('service', id);
  return serviceFromRow(row);
}

/** Which provider already holds a charity or company number, to name it in a conflict. */
export function findByIdentifier(
  db: Database,
  column: 'charity_number' | 'company_number',
  value: string,
): { id: string; name: string } | undefined {
  return db.prepare(`SELECT id, name FROM providers WHERE ${column} = ?`).get(value) as
    { id: string; name: string } | undefined;
}
