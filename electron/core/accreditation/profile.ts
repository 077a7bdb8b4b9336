import type { Database } from 'better-sqlite3';
import { profileSchema, type Profile } from '../../../shared/accreditation/schema';
import { readSetting, writeSetting } from '../db/settings';

const PROFILE_KEY = 'profile';
const NETWORK_KEY = 'network_name';

export function readProfile(db: Database): Profile | null {
  const value = readSetting(db, PROFILE_KEY);
  if (value === null) return null;
  const parsed = profileSchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : null;
}

export function writeProfile(db: Database, profile: Profile): void {
  writeSetting(db, PROFILE_KEY, JSON.stringify(profile));
}

/**
 * The issuing network's name on certificates: set when its key is created, else the organisation
 * of a network profile, else the framework's publisher (the scheme owner).
 */
export function networkName(db: Database, fallback: string): string {
  const stored = storedNetworkName(db);
  if (stored !== null) return stored;
  const profile = readProfile(db);
  return profile?.role === 'network' ? profile.organisation : fallback;
}

export function setNetworkName(db: Database, name: string): void {
  writeSetting(db, NETWORK_KEY, name);
}

export function storedNetworkName(db: Database): string | null {
  return readSetting(db, NETWORK_KEY);
}
