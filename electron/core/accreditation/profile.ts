import type { Database } from 'better-sqlite3';
import { profileSchema, type Profile } from '../../../shared/accreditation/schema';

const PROFILE_KEY = 'profile';
const NETWORK_KEY = 'network_name';

export function readProfile(db: Database): Profile | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(PROFILE_KEY) as
    { value: string } | undefined;
  if (!row) return null;
  const parsed = profileSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function writeSetting(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function writeProfile(db: Database, profile: Profile): void {
  writeSetting(db, PROFILE_KEY, JSON.stringify(profile));
}

/**
 * The issuing network's name on certificates: set when its key is created, else the organisation
 * of a network profile, else the framework's publisher (the scheme owner).
 */
export function networkName(db: Database, fallback: string): string {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(NETWORK_KEY) as
    { value: string } | undefined;
  if (row) return row.value;
  const profile = readProfile(db);
  return profile?.role === 'network' ? profile.organisation : fallback;
}

export function setNetworkName(db: Database, name: string): void {
  writeSetting(db, NETWORK_KEY, name);
}

export function storedNetworkName(db: Database): string | null {
  return (
    (
      db.prepare('SELECT value FROM settings WHERE key = ?').get(NETWORK_KEY) as
        { value: string } | undefined
    )?.value ?? null
  );
}
