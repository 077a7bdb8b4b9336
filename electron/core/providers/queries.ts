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

/**
 * Providers matching a search by name (any part), charity or company number (exact) or
 * postcode (prefix, spaces ignored), newest assessment alongside.
 */
export function listProviders(
  db: Database,
  filter: ProviderFilter,
): { total: number; items: ProviderSummary[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
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
    where.push(
      `(p.name_key LIKE @name ESCAPE '\\' OR p.charity_number = @ident OR p.company_number = @ident
        OR replace(p.postcode, ' ', '') LIKE @postcode ESCAPE '\\')`,
    );
    params.name = `%${escapeLike(nameKey(query))}%`;
    params.ident = compact;
    params.postcode = `${escapeLike(compact)}%`;
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db.prepare(`SELECT count(*) AS n FROM providers p ${whereSql}`).get(params) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.type, p.charity_number, p.company_number, p.region, p.town, p.postcode,
              p.archived_at,
              (SELECT count(*) FROM services s WHERE s.provider_id = p.id AND s.archived_at IS NULL) AS service_count,
              a.id AS a_id, a.kind AS a_kind, a.status AS a_status, a.progress_percent AS a_progress,
              a.score_percent AS a_score, a.outcome AS a_outcome, a.updated_at AS a_updated
       FROM providers p
       LEFT JOIN assessments a ON a.id = (
         SELECT id FROM assessments WHERE provider_id = p.id ORDER BY started_at DESC, id DESC LIMIT 1)
       ${whereSql}
       ORDER BY p.name_key, p.id
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as SummaryRow[];
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
