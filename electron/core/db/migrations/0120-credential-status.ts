import type { Migration } from './types';

/**
 * Open Badges credentials with status. `credential_status` gives a certificate its place in the
 * published status list the first time a credential with status is made for it; a credential
 * out in the world names that place for good, so a row is never changed or removed, and the
 * UNIQUE index means a place is never given to another certificate. `badge_credentials` keeps
 * the last signed credential of each certificate, so exports repeat it and a register build signs
 * only what is new; `shape` names everything the credential was made from (issuer, key, web
 * address, format), and a credential whose shape no longer matches is signed again.
 */
export const credentialStatus: Migration = {
  version: 120,
  name: 'credential status',
  up(db) {
    db.exec(`
      CREATE TABLE credential_status (
        number TEXT PRIMARY KEY REFERENCES certificates (number),
        status_index INTEGER NOT NULL UNIQUE CHECK (status_index >= 0),
        allocated_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER credential_status_fixed BEFORE UPDATE ON credential_status BEGIN
        SELECT RAISE(ABORT, 'a status list index is never changed');
      END;
      CREATE TRIGGER credential_status_kept BEFORE DELETE ON credential_status BEGIN
        SELECT RAISE(ABORT, 'a status list index is never removed or reused');
      END;

      CREATE TABLE badge_credentials (
        number TEXT PRIMARY KEY REFERENCES certificates (number),
        shape TEXT NOT NULL,
        credential TEXT NOT NULL,
        signed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
