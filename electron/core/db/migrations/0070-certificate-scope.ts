import type { Migration } from './types';

/**
 * The services each certificate covers, as a table beside the signed document that names them.
 * The register reads every certificate's scope at each build; taking it out of 100,000 signed
 * documents with SQLite's JSON functions was a third of the build's reading. A certificate's
 * document never changes (certificates_document_fixed), so a row per service written when the
 * certificate is inserted stays true; the trigger serves both issuing and bundle imports.
 */
export const certificateScope: Migration = {
  version: 70,
  name: 'certificate scope',
  up(db) {
    db.exec(`
      CREATE TABLE certificate_services (
        number TEXT NOT NULL REFERENCES certificates (number) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        service_id TEXT NOT NULL,
        PRIMARY KEY (number, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER certificates_scope_insert AFTER INSERT ON certificates BEGIN
        INSERT INTO certificate_services (number, position, service_id)
          SELECT NEW.number, j.key, j.value ->> 'id'
          FROM json_each(NEW.document, '$.payload.scope.services') j;
      END;

      INSERT INTO certificate_services (number, position, service_id)
        SELECT c.number, j.key, j.value ->> 'id'
        FROM certificates c, json_each(c.document, '$.payload.scope.services') j;
    `);
  },
};
