import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { readRegisterEntries } from '../../electron/core/register/entries';
import { openTestCore } from '../helpers/core';
import { accreditProvider } from '../helpers/register-fixtures';
import { tempDir } from '../helpers/temp-dir';

/** Each certificate's services as its signed document names them, in order. */
function scopeInDocuments(db: Database): [string, number, string][] {
  return db
    .prepare(
      `SELECT c.number, j.key, j.value ->> 'id' FROM certificates c,
         json_each(c.document, '$.payload.scope.services') j ORDER BY c.number, j.key`,
    )
    .raw()
    .all() as [string, number, string][];
}

const scopeTable = (db: Database) =>
  db
    .prepare('SELECT number, position, service_id FROM certificate_services ORDER BY 1, 2')
    .raw()
    .all() as [string, number, string][];

describe('migration 70: certificate scope', () => {
  it('records the scope of the certificates already there, and of every one issued after', async () => {
    const dataDir = tempDir();
    let core = await openTestCore({ dataDir });
    await accreditProvider(core, { name: 'Moorside Walkers' }, { services: [{}, {}] });
    await accreditProvider(core, { name: 'Hillside Singers' }, { services: [{}, {}, {}] });
    // A data folder from before migration 70: no table, no trigger, schema version 60, and none
    // of the later migrations' tables either.
    core.context.db.exec(`
      DROP TRIGGER certificates_scope_insert;
      DROP TABLE certificate_services;
      DROP TABLE badge_credentials;
      DROP TABLE credential_status;
      PRAGMA user_version = 60;`);
    core.close();

    core = await openTestCore({ dataDir });
    const db = core.context.db;
    const expected = scopeInDocuments(db);
    expect(expected).toHaveLength(5);
    expect(scopeTable(db)).toEqual(expected);

    const later = await accreditProvider(core, { name: 'Riverside Readers' }, { services: [{}] });
    expect(scopeTable(db)).toEqual(scopeInDocuments(db));
    expect(scopeTable(db).filter(([number]) => number === later.number)).toEqual([
      [later.number, 0, later.serviceIds[0]],
    ]);

    // The register reads the scope from the table: the same services, in the document's order.
    const entries = readRegisterEntries(db, '2026-12-01');
    for (const entry of entries)
      expect(entry.services.map((s) => s.id)).toEqual(
        expected
          .concat([[later.number, 0, later.serviceIds[0] ?? '']])
          .filter(([number]) => number === entry.certificateNumber)
          .map(([, , id]) => id),
      );
  });

  // The table is filled only when a certificate is inserted, which is enough because its signed
  // document never changes (migration 30's trigger); this guards that assumption.
  it('relies on a certificate’s document never changing, which the database enforces', async () => {
    const core = await openTestCore();
    const made = await accreditProvider(core, { name: 'Brookside Bakers' });
    expect(() =>
      core.context.db
        .prepare("UPDATE certificates SET document = '{}' WHERE number = ?")
        .run(made.number),
    ).toThrow(/never changes/);
    expect(scopeTable(core.context.db)).toEqual(scopeInDocuments(core.context.db));
  });
});
