import BetterSqlite3, { type Database } from 'better-sqlite3';

export type DatabaseDump = Record<string, unknown>;

/** Every row of every table, in storage order, plus the schema version: equal dumps mean nothing changed. */
export function dumpDatabase(db: Database): DatabaseDump {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const dump: DatabaseDump = {
    user_version: db.pragma('user_version', { simple: true }),
    schema: db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all(),
  };
  // A WITHOUT ROWID table has no rowid to order by: its primary key orders it instead.
  const withoutRowid = new Set(
    (db.pragma('table_list') as { name: string; wr: number }[])
      .filter((t) => t.wr === 1)
      .map((t) => t.name),
  );
  for (const table of tables) {
    const key = withoutRowid.has(table)
      ? (db.pragma(`table_info("${table}")`) as { name: string; pk: number }[])
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => `"${c.name}"`)
          .join(', ')
      : 'rowid';
    dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${key}`).all();
  }
  return dump;
}

/** Dumps a database file that no other connection is using. */
export function dumpDatabaseFile(file: string): DatabaseDump {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

export function tableNames(db: Database): string[] {
  return db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
}
