import type { Migration } from './types';

/** Frameworks, providers and services, self-assessments with ratings and plans, the audit trail. */
export const initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE frameworks (
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        title TEXT NOT NULL,
        document TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        source TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
      ) STRICT;

      CREATE TABLE providers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('link-worker', 'activity', 'both')),
        charity_number TEXT,
        company_number TEXT,
        region TEXT,
        address_line1 TEXT,
        address_line2 TEXT,
        town TEXT,
        postcode TEXT,
        website TEXT,
        description TEXT,
        contacts TEXT NOT NULL DEFAULT '[]',
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX providers_charity_number ON providers (charity_number)
        WHERE charity_number IS NOT NULL;
      CREATE UNIQUE INDEX providers_company_number ON providers (company_number)
        WHERE company_number IS NOT NULL;
      CREATE INDEX providers_name_key ON providers (name_key);
      CREATE INDEX providers_postcode ON providers (postcode);

      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        provider_id TEXT NOT NULL REFERENCES providers (id),
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        description TEXT,
        referral_route TEXT NOT NULL,
        self_referral INTEGER NOT NULL CHECK (self_referral IN (0, 1)),
        accepting_referrals INTEGER NOT NULL CHECK (accepting_referrals IN (0, 1)),
        places_per_month INTEGER,
        waiting_weeks INTEGER,
        capacity_confirmed_on TEXT NOT NULL,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX services_provider ON services (provider_id);

      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        provider_id TEXT NOT NULL REFERENCES providers (id),
        kind TEXT NOT NULL CHECK (kind IN ('self', 'external')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'in-progress', 'submitted', 'decided')),
        framework_id TEXT NOT NULL,
        framework_version TEXT NOT NULL,
        provider_type TEXT NOT NULL,
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        progress_percent REAL NOT NULL DEFAULT 0,
        score_percent REAL NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL DEFAULT 'not-accredited',
        FOREIGN KEY (framework_id, framework_version) REFERENCES frameworks (id, version)
      ) STRICT;
      CREATE INDEX assessments_provider ON assessments (provider_id, started_at);

      CREATE TABLE ratings (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        criterion TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('met', 'partial', 'not-met', 'na')),
        note TEXT,
        reason TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (assessment_id, criterion),
        CHECK (rating <> 'na' OR (reason IS NOT NULL AND length(reason) > 0))
      ) STRICT;

      CREATE TABLE improvement_actions (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        criterion TEXT NOT NULL,
        description TEXT NOT NULL,
        owner TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'done')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (assessment_id, criterion)
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity_id);
      -- The trail is append-only: history that can be edited proves nothing.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `);
  },
};
