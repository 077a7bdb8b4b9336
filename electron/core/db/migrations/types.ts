import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Stored in PRAGMA user_version once applied; ascending, with gaps left for later inserts. */
  version: number;
  name: string;
  up(db: Database): void;
}
