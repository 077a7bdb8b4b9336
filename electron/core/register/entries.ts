import type { Database } from 'better-sqlite3';
import { statusOn, type StoredStatus } from '../../../shared/accreditation/lifecycle';
import { addDays } from '../../../shared/evidence/freshness';
import type {
  ProviderType,
  ReferralRoute,
  Region,
  ServiceCategory,
} from '../../../shared/providers/vocabulary';
import type { RegisterEntry, RegisterService } from '../../../shared/register/schema';
import { applicableCriteria } from '../../../shared/framework/traverse';
import { getFramework } from '../frameworks/store';

/** A row of CERTIFICATES_SQL, its columns in order (read as arrays, which is twice as quick). */
type CertificateRow = [
  number: string,
  status: StoredStatus,
  issuedOn: string,
  expiresOn: string,
  suspendedOn: string | null,
  supersededBy: string | null,
  keyId: string,
  frameworkId: string,
  frameworkVersion: string,
  providerType: ProviderType,
  frameworkTitle: string,
  outcome: 'accredited' | 'conditional',
  conditionsDue: string | null,
  decidedAt: string,
  providerId: string,
  name: string,
  description: string | null,
  type: ProviderType,
  charityNumber: string | null,
  companyNumber: string | null,
  region: Region | null,
  addressLine1: string | null,
  addressLine2: string | null,
  town: string | null,
  postcode: string | null,
  website: string | null,
  lastEventAt: string | null,
];

/** A row of SCOPE_SQL. */
type ScopeRow = [
  number: string,
  id: string,
  name: string,
  category: ServiceCategory,
  description: string | null,
  referralRoute: ReferralRoute,
  selfReferral: number,
  acceptingReferrals: number,
  placesPerMonth: number | null,
  waitingWeeks: number | null,
  capacityConfirmedOn: string,
];

/*
 * The register is read in chunks of certificates, in certificate-number order, by two
 * statements per chunk whatever its size: one row per certificate (its own facts, the decision,
 * the framework it was assessed against and the holder as recorded now), and one row per service
 * in its scope with the capacity its provider last confirmed. The scope is the one its signed
 * document names, kept beside it in certificate_services (migration 0070).
 */
export const CERTIFICATES_SQL = `
  SELECT c.number, c.status, c.issued_on, c.expires_on, c.suspended_on, c.superseded_by, c.key_id,
    a.framework_id, a.framework_version, a.provider_type, f.title AS framework_title,
    d.outcome, d.conditions_due, d.decided_at,
    p.id AS provider_id, p.name, p.description, p.type, p.charity_number, p.company_number,
    p.region, p.address_line1, p.address_line2, p.town, p.postcode, p.website,
    (SELECT e.at FROM certificate_events e WHERE e.number = c.number ORDER BY e.seq DESC LIMIT 1)
      AS last_event_at
  FROM certificates c
  JOIN decisions d ON d.id = c.decision_id
  JOIN providers p ON p.id = c.provider_id
  JOIN assessments a ON a.id = c.assessment_id
  JOIN frameworks f ON f.id = a.framework_id AND f.version = a.framework_version
  WHERE c.number > @after
  ORDER BY c.number
  LIMIT @limit`;

// Services archived since the certificate was issued are no longer offered, so they are left out.
export const SCOPE_SQL = `
  SELECT c.number, s.id, s.name, s.category, s.description, s.referral_route, s.self_referral,
    s.accepting_referrals, s.places_per_month, s.waiting_weeks, s.capacity_confirmed_on
  FROM certificate_services c
  JOIN services s ON s.id = c.service_id
  WHERE c.number > @after AND c.number <= @last AND s.archived_at IS NULL
  ORDER BY c.number, c.position`;

function serviceOf(row: ScopeRow): RegisterService {
  const [, id, name, category, description, referralRoute, self, accepting, places, weeks, on] =
    row;
  return {
    id,
    name,
    category,
    description,
    referralRoute,
    selfReferral: self === 1,
    acceptingReferrals: accepting === 1,
    placesPerMonth: places,
    waitingWeeks: weeks,
    capacityConfirmedOn: on,
  };
}

export const CHUNK_SIZE = 5000;

/**
 * Every certificate ever issued (here or imported), as register entries with their status on
 * `today`, a chunk at a time in certificate-number order. Each chunk is read in one transaction;
 * between chunks other work may go on, and each certificate is still read exactly once. Chunks
 * keep memory flat: a build writes each chunk to every file and lets it go.
 */
export class RegisterReader {
  private after = '';
  private readonly certificates;
  private readonly scope;
  /** A certificate's successor is recorded on it (superseded_by); the successor names it back. */
  private readonly predecessors = new Map<string, string>();
  /** The issuer of each signing key, as its most recent certificate names it. */
  private readonly issuerNames = new Map<string, string>();
  /** Entries share their domain list, framework and issuer objects rather than each a copy. */
  private readonly shared = new Map<string, unknown>();

  constructor(
    private readonly db: Database,
    private readonly today: string,
    private readonly size = CHUNK_SIZE,
  ) {
    this.certificates = db.prepare(CERTIFICATES_SQL).raw();
    this.scope = db.prepare(SCOPE_SQL).raw();
    const rows = db
      .prepare(
        'SELECT number, superseded_by FROM certificates WHERE superseded_by IS NOT NULL ORDER BY number',
      )
      .all() as { number: string; superseded_by: string }[];
    for (const row of rows) this.predecessors.set(row.superseded_by, row.number);
    const issuers = db
      .prepare(
        `SELECT key_id, document ->> '$.payload.issuer.name' AS name FROM certificates
         WHERE rowid IN (SELECT max(rowid) FROM certificates GROUP BY key_id)`,
      )
      .all() as { key_id: string; name: string }[];
    for (const row of issuers) this.issuerNames.set(row.key_id, row.name);
  }

  /** The next chunk of entries; empty once every certificate has been read. */
  next(): RegisterEntry[] {
    const read = this.db.transaction(() => {
      const rows = this.certificates.all({
        after: this.after,
        limit: this.size,
      }) as CertificateRow[];
      const last = rows.at(-1)?.[0];
      if (last === undefined) return [];
      const services = new Map<string, RegisterService[]>();
      for (const row of this.scope.all({ after: this.after, last }) as ScopeRow[]) {
        const list = services.get(row[0]);
        if (list) list.push(serviceOf(row));
        else services.set(row[0], [serviceOf(row)]);
      }
      this.after = last;
      return rows.map((row) => this.entryOf(row, services.get(row[0]) ?? []));
    });
    return read();
  }

  private once<T>(key: string, make: () => T): T {
    let value = this.shared.get(key) as T | undefined;
    if (value === undefined) {
      value = make();
      this.shared.set(key, value);
    }
    return value;
  }

  /** The domains in scope follow from the framework and the provider's type, as at issue. */
  private domainsOf(id: string, version: string, type: ProviderType): RegisterEntry['domains'] {
    return this.once(`domains:${id}@${version}:${type}`, () => {
      const { framework } = getFramework(this.db, id, version);
      const codes = new Set(applicableCriteria(framework, type).map((c) => c.domain.code));
      return framework.domains
        .filter((d) => codes.has(d.code))
        .map((d) => ({ code: d.code, title: d.title }));
    });
  }

  private entryOf(row: CertificateRow, services: RegisterService[]): RegisterEntry {
    const [
      number,
      stored,
      issuedOn,
      expiresOn,
      suspendedOn,
      supersededBy,
      keyId,
      frameworkId,
      frameworkVersion,
      providerType,
      frameworkTitle,
      outcome,
      conditionsDue,
      decidedAt,
      providerId,
      name,
      description,
      type,
      charityNumber,
      companyNumber,
      region,
      addressLine1,
      addressLine2,
      town,
      postcode,
      website,
      lastEventAt,
    ] = row;
    const status = statusOn({ status: stored, expiresOn, suspendedOn }, this.today);
    // When the status it has today began.
    const statusDate =
      status === 'expired'
        ? addDays(expiresOn, 1)
        : status === 'suspended' && suspendedOn
          ? suspendedOn
          : (lastEventAt?.slice(0, 10) ?? issuedOn);
    return {
      certificateNumber: number,
      status,
      statusDate,
      supersedes: this.predecessors.get(number) ?? null,
      supersededBy,
      outcome,
      decidedOn: decidedAt.slice(0, 10),
      conditionsDue,
      issuedOn,
      expiresOn,
      holder: {
        providerId,
        name,
        description,
        type,
        charityNumber,
        companyNumber,
        region,
        addressLine1,
        addressLine2,
        town,
        postcode,
        website,
      },
      services,
      domains: this.domainsOf(frameworkId, frameworkVersion, providerType),
      framework: this.once(`framework:${frameworkId}@${frameworkVersion}`, () => ({
        id: frameworkId,
        version: frameworkVersion,
        title: frameworkTitle,
      })),
      issuer: this.once(`issuer:${keyId}`, () => ({
        name: this.issuerNames.get(keyId) ?? keyId,
        keyId,
      })),
    };
  }
}

/** The whole register at once (the dashboard's view), in certificate-number order. */
export function readRegisterEntries(db: Database, today: string): RegisterEntry[] {
  const reader = new RegisterReader(db, today);
  const entries: RegisterEntry[] = [];
  for (let chunk = reader.next(); chunk.length > 0; chunk = reader.next()) entries.push(...chunk);
  return entries;
}
