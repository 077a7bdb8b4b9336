import type { Migration } from './types';

/**
 * External assessment (assessor, conflict declaration, findings, sealed revisions), decisions,
 * signing keys, and certificates with their status history.
 */
export const accreditation: Migration = {
  version: 30,
  name: 'accreditation',
  up(db) {
    db.exec(`
      ALTER TABLE assessments ADD COLUMN assessor TEXT;
      ALTER TABLE assessments ADD COLUMN based_on TEXT REFERENCES assessments (id);
      ALTER TABLE assessments ADD COLUMN conflict TEXT;
      ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE assessments ADD COLUMN submitted_at TEXT;

      ALTER TABLE evidence ADD COLUMN sealed_at TEXT;

      CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        criterion TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('observation', 'good-practice', 'minor-nc', 'major-nc')),
        text TEXT NOT NULL,
        action TEXT,
        action_owner TEXT,
        action_due TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- A nonconformity always carries the action that puts it right.
        CHECK (type NOT IN ('minor-nc', 'major-nc')
          OR (action IS NOT NULL AND action_owner IS NOT NULL AND action_due IS NOT NULL))
      ) STRICT;
      CREATE INDEX findings_assessment ON findings (assessment_id, criterion);

      -- One row per submission. A sealed revision never changes: a later change opens a new
      -- revision with its reason, and the next submission seals that one.
      CREATE TABLE assessment_revisions (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        revision INTEGER NOT NULL,
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        reason TEXT NOT NULL,
        sealed_at TEXT,
        sealed_by TEXT,
        snapshot TEXT,
        sha256 TEXT,
        PRIMARY KEY (assessment_id, revision)
      ) STRICT;
      CREATE TRIGGER assessment_revisions_sealed BEFORE UPDATE ON assessment_revisions
        WHEN OLD.sealed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a sealed revision never changes'); END;
      CREATE TRIGGER assessment_revisions_no_delete BEFORE DELETE ON assessment_revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END;

      CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        revision INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('accredited', 'conditional', 'not-accredited')),
        recommended_outcome TEXT NOT NULL,
        conditions TEXT,
        conditions_due TEXT,
        reasons TEXT,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        UNIQUE (assessment_id, revision),
        CHECK (outcome <> 'conditional' OR (conditions IS NOT NULL AND conditions_due IS NOT NULL))
      ) STRICT;

      CREATE TABLE signing_keys (
        key_id TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('network')),
        public_key_pem TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE trusted_keys (
        key_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key_pem TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE certificates (
        number TEXT PRIMARY KEY,
        base_number TEXT NOT NULL,
        reissue INTEGER NOT NULL DEFAULT 0,
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        decision_id TEXT NOT NULL REFERENCES decisions (id),
        provider_id TEXT NOT NULL REFERENCES providers (id),
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'withdrawn', 'superseded')),
        issued_on TEXT NOT NULL,
        expires_on TEXT NOT NULL,
        suspended_on TEXT,
        superseded_by TEXT,
        key_id TEXT NOT NULL,
        document TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX certificates_provider ON certificates (provider_id);
      CREATE INDEX certificates_assessment ON certificates (assessment_id);
      -- The signed document is what was issued; it is never rewritten.
      CREATE TRIGGER certificates_document_fixed BEFORE UPDATE OF document, number, issued_on, expires_on ON certificates
        BEGIN SELECT RAISE(ABORT, 'an issued certificate never changes; reissue it instead'); END;

      CREATE TABLE certificate_events (
        seq INTEGER PRIMARY KEY,
        number TEXT NOT NULL REFERENCES certificates (number),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        reason TEXT
      ) STRICT;
      CREATE INDEX certificate_events_number ON certificate_events (number);

      -- Assessments made before this version open at revision 1 like every new one.
      INSERT INTO assessment_revisions (assessment_id, revision, opened_at, opened_by, reason)
        SELECT id, 1, started_at, started_by, 'first assessment' FROM assessments;
    `);
  },
};
