import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { refused } from '../errors';
import { generateNetworkKey, parsePublicKeyPem, unsealPrivateKey } from './keys';
import type { Stamp } from '../context';

interface KeyRow {
  key_id: string;
  public_key_pem: string;
  private_key: string;
  created_at: string;
}

export function networkKeyRow(db: Database): KeyRow | undefined {
  return db
    .prepare(
      "SELECT * FROM signing_keys WHERE purpose = 'network' ORDER BY created_at DESC LIMIT 1",
    )
    .get() as KeyRow | undefined;
}

/** Creates the network's key pair if there is none (inside the caller's transaction). */
export function ensureNetworkKey(
  db: Database,
  passphrase: string,
  { actor, now }: Stamp,
): { keyId: string; created: boolean } {
  const existing = networkKeyRow(db);
  if (existing) return { keyId: existing.key_id, created: false };
  const key = generateNetworkKey(passphrase);
  db.prepare(
    `INSERT INTO signing_keys (key_id, purpose, public_key_pem, private_key, created_at, created_by)
     VALUES (?, 'network', ?, ?, ?, ?)`,
  ).run(key.keyId, key.publicKeyPem, key.sealedPrivateKey, now, actor);
  return { keyId: key.keyId, created: true };
}

/** The network's private key, opened with the passphrase (a wrong one is refused plainly). */
export function unlockNetworkKey(
  db: Database,
  passphrase: string,
): { keyId: string; privateKey: KeyObject } {
  const row = networkKeyRow(db);
  if (!row)
    throw refused(
      'this installation has no network signing key yet; create one with `spqa keys init`',
    );
  return { keyId: row.key_id, privateKey: unsealPrivateKey(row.private_key, passphrase) };
}

/** Every public key this installation trusts, by key id: its own network key and those added. */
export function trustedPublicKeys(db: Database): Map<string, { name: string; key: KeyObject }> {
  const map = new Map<string, { name: string; key: KeyObject }>();
  for (const row of db.prepare('SELECT key_id, name, public_key_pem FROM trusted_keys').all() as {
    key_id: string;
    name: string;
    public_key_pem: string;
  }[]) {
    map.set(row.key_id, {
      name: row.name,
      key: parsePublicKeyPem(row.public_key_pem, `trusted key ${row.key_id}`),
    });
  }
  const own = networkKeyRow(db);
  if (own)
    map.set(own.key_id, {
      name: 'this network',
      key: parsePublicKeyPem(own.public_key_pem, 'the network key'),
    });
  return map;
}
