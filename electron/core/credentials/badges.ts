import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { statusOn } from '../../../shared/accreditation/lifecycle';
import {
  STATUS_LIST_PATH,
  webIssuer,
  type WebIssuer,
} from '../../../shared/credentials/web-address';
import { documentOf, type CertificateRow } from '../certificates/queries';
import { readSetting } from '../db/settings';
import { openBadgeCredential, type BadgeIssuer } from '../exports/open-badge';
import { offlineDocumentLoader } from './contexts';
import { addProof, type JsonObject } from './data-integrity';
import { didKey, verificationMethodId } from './dids';
import { statusIndexFor } from './status-list';

/** The setting that holds the register's web address (`spqa register configure --base-url`). */
export const WEB_ADDRESS_KEY = 'register_base_url';

/** Bumped whenever the credential's content changes shape, so stored ones are signed again. */
const BADGE_FORMAT = 1;

export function registerWebIssuer(db: Database): WebIssuer | null {
  const baseUrl = readSetting(db, WEB_ADDRESS_KEY);
  return baseUrl ? webIssuer(baseUrl) : null;
}

/** Every key the network has signed with, newest first; a did:web document lists them all. */
export function networkPublicKeys(db: Database): { keyId: string; key: KeyObject }[] {
  return (
    db
      .prepare(
        "SELECT key_id, public_key_pem FROM signing_keys WHERE purpose = 'network' ORDER BY created_at DESC",
      )
      .all() as { key_id: string; public_key_pem: string }[]
  ).map((row) => ({ keyId: row.key_id, key: createPublicKey(row.public_key_pem) }));
}

/** Whoever signs badges now: the network key, under the issuer identity the setting gives. */
export interface BadgeSigner {
  keyId: string;
  privateKey: KeyObject;
  issuer: BadgeIssuer;
  verificationMethod: string;
  /** The status list's URL; null until the register has a web address. */
  statusListUrl: string | null;
  /** Everything a stored credential was made from; one made otherwise is signed again. */
  shape: string;
}

export function badgeSigner(
  db: Database,
  key: { keyId: string; privateKey: KeyObject },
): BadgeSigner {
  const publicKey = createPublicKey(key.privateKey);
  const web = registerWebIssuer(db);
  const did = web ? web.did : didKey(publicKey);
  const verificationMethod = verificationMethodId(did, publicKey);
  const statusListUrl = web ? `${web.baseUrl}/${STATUS_LIST_PATH}` : null;
  return {
    keyId: key.keyId,
    privateKey: key.privateKey,
    issuer: { id: did, url: web ? web.baseUrl : null },
    verificationMethod,
    statusListUrl,
    shape: JSON.stringify({ format: BADGE_FORMAT, verificationMethod, statusListUrl }),
  };
}

/**
 * Why a certificate gets no badge, or null: only an active certificate that this network issued
 * gets one (an imported certificate's badge is its own network's to sign).
 */
export function badgeRefusal(db: Database, row: CertificateRow, today: string): string | null {
  const own = db
    .prepare("SELECT 1 FROM signing_keys WHERE key_id = ? AND purpose = 'network'")
    .get(row.key_id);
  if (!own)
    return `${row.number} was issued by another network (key ${row.key_id}); only that network can sign its badge`;
  const status = statusOn(
    { status: row.status, expiresOn: row.expires_on, suspendedOn: row.suspended_on },
    today,
  );
  return status === 'active'
    ? null
    : `${row.number} is ${status}; only an active certificate has a badge`;
}

export interface SignedBadge {
  number: string;
  credential: JsonObject;
  /** False when the stored credential was still current and is returned as it was. */
  signed: boolean;
  statusIndex: number | null;
}

/**
 * The signed badges of these certificates: the stored one where it is still current, otherwise
 * a new one, signed and stored. Status indexes are allocated (once for good) before signing.
 * Signing is asynchronous, so it happens between two transactions: a crash between them leaves
 * at most an index allocated, which the next attempt uses.
 */
export async function signBadges(
  db: Database,
  signer: BadgeSigner,
  rows: readonly CertificateRow[],
  values: { now: string; resourcesDir: string },
): Promise<SignedBadge[]> {
  const stored = db.prepare(
    'SELECT credential FROM badge_credentials WHERE number = ? AND shape = ?',
  );
  const current = new Map<string, JsonObject>();
  for (const row of rows) {
    const hit = stored.get(row.number, signer.shape) as { credential: string } | undefined;
    if (hit) current.set(row.number, JSON.parse(hit.credential) as JsonObject);
  }
  const missing = rows.filter((row) => !current.has(row.number));
  const indexes = db.transaction(() =>
    missing.map((row) =>
      signer.statusListUrl === null ? null : statusIndexFor(db, row.number, values.now),
    ),
  )();
  const documentLoader = offlineDocumentLoader(values.resourcesDir);
  const created = `${values.now.slice(0, 19)}Z`;
  const made: SignedBadge[] = [];
  for (const [i, row] of missing.entries()) {
    const index = indexes[i] ?? null;
    const unsigned = openBadgeCredential(
      documentOf(row),
      signer.issuer,
      signer.statusListUrl === null || index === null
        ? null
        : { listUrl: signer.statusListUrl, index },
    );
    const credential = await addProof(unsigned, {
      privateKey: signer.privateKey,
      verificationMethod: signer.verificationMethod,
      created,
      documentLoader,
    });
    made.push({ number: row.number, credential, signed: true, statusIndex: index });
  }
  const store = db.prepare(
    `INSERT INTO badge_credentials (number, shape, credential, signed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (number) DO UPDATE SET shape = excluded.shape, credential = excluded.credential,
       signed_at = excluded.signed_at`,
  );
  db.transaction(() => {
    for (const badge of made)
      store.run(badge.number, signer.shape, JSON.stringify(badge.credential), values.now);
  })();
  const fresh = new Map(made.map((badge) => [badge.number, badge]));
  return rows.map((row) => {
    const signedNow = fresh.get(row.number);
    if (signedNow) return signedNow;
    const credential = current.get(row.number) ?? {};
    const status = credential.credentialStatus as { statusListIndex?: string } | undefined;
    return {
      number: row.number,
      credential,
      signed: false,
      statusIndex: status?.statusListIndex === undefined ? null : Number(status.statusListIndex),
    };
  });
}
