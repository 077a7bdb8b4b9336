import type { Migration } from './types';

/** Evidence files (content-addressed blobs), their records and criteria, and rating overrides. */
export const evidence: Migration = {
  version: 20,
  name: 'evidence',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        media_type TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        -- Set when the file itself was deleted (secure removal, or an orphan cleared); the row stays
        -- so tombstones can still say what was removed.
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        sha256 TEXT REFERENCES evidence_blobs (sha256),
        url TEXT,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('policy', 'insurance', 'training', 'vetting', 'minutes', 'photo',
          'case-study', 'report', 'other')),
        original_name TEXT,
        size INTEGER,
        media_type TEXT,
        effective_date TEXT,
        expiry_date TEXT,
        personal_data INTEGER NOT NULL CHECK (personal_data IN (0, 1)),
        retain_until TEXT,
        notes TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by TEXT,
        removal_reason TEXT,
        -- A record is a file or a link, never both; a removed record keeps what it was as a tombstone.
        CHECK ((sha256 IS NULL) <> (url IS NULL)),
        CHECK (removed_at IS NULL OR removal_reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX evidence_assessment ON evidence (assessment_id);
      CREATE INDEX evidence_sha256 ON evidence (sha256);
      CREATE INDEX evidence_expiry ON evidence (expiry_date) WHERE removed_at IS NULL;

      CREATE TABLE evidence_criteria (
        evidence_id TEXT NOT NULL REFERENCES evidence (id),
        criterion TEXT NOT NULL,
        PRIMARY KEY (evidence_id, criterion)
      ) STRICT;
      CREATE INDEX evidence_criteria_criterion ON evidence_criteria (criterion);

      ALTER TABLE ratings ADD COLUMN override_reason TEXT;
    `);
  },
};
