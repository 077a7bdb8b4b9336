import type { Database } from 'better-sqlite3';
import type { TrustedKey } from '../../../shared/bundles/schema';
import { change, type CoreContext } from '../context';
import { AppError, conflict, invalid, refused } from '../errors';
import { keyIdFor, parsePublicKeyPem, publicKeyPem } from '../signing/keys';
import { networkKeyRow } from '../signing/keystore';

interface TrustedKeyRow {
  key_id: string;
  name: string;
  public_key_pem: string;
  added_at: string;
  added_by: string;
}

const fromRow = (r: TrustedKeyRow): TrustedKey => ({
  keyId: r.key_id,
  name: r.name,
  publicKeyPem: r.public_key_pem,
  addedAt: r.added_at,
  addedBy: r.added_by,
});

export function listTrustedKeys(db: Database): TrustedKey[] {
  return (
    db
      .prepare('SELECT * FROM trusted_keys ORDER BY name COLLATE NOCASE, key_id')
      .all() as TrustedKeyRow[]
  ).map(fromRow);
}

/**
 * Trusts a sender's public key under a name. The key id is computed from the key, as the signing
 * code computes it, so a file cannot claim to be a key it is not.
 */
export function trustKey(
  ctx: CoreContext,
  { pem, name }: { pem: string; name: string },
): TrustedKey {
  // Node would happily derive the public half, but a private key handed over is a key given away.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw invalid(
      'that is a private key: it must never leave its owner. Trust their public key instead (spqa keys export-public FILE)',
    );
  const key = parsePublicKeyPem(pem, 'the public key');
  const keyId = keyIdFor(key);
  return change(ctx, (now, audit) => {
    if (networkKeyRow(ctx.db)?.key_id === keyId)
      throw refused(`${keyId} is this installation’s own network key, which is always trusted`);
    const existing = ctx.db.prepare('SELECT * FROM trusted_keys WHERE key_id = ?').get(keyId) as
      TrustedKeyRow | undefined;
    if (existing) throw conflict(`key ${keyId} is already trusted, as “${existing.name}”`);
    const row: TrustedKeyRow = {
      key_id: keyId,
      name,
      // Stored in one normal form, whatever line endings or headers the file had.
      public_key_pem: publicKeyPem(key),
      added_at: now,
      added_by: ctx.actor,
    };
    ctx.db
      .prepare(
        'INSERT INTO trusted_keys (key_id, name, public_key_pem, added_at, added_by) VALUES (@key_id, @name, @public_key_pem, @added_at, @added_by)',
      )
      .run(row);
    audit({ action: 'key.trusted', entityType: 'trusted-key', entityId: keyId, detail: { name } });
    return fromRow(row);
  });
}

export function untrustKey(ctx: CoreContext, keyId: string): TrustedKey {
  return change(ctx, (_now, audit) => {
    const existing = ctx.db.prepare('SELECT * FROM trusted_keys WHERE key_id = ?').get(keyId) as
      TrustedKeyRow | undefined;
    if (!existing) {
      if (networkKeyRow(ctx.db)?.key_id === keyId)
        throw refused(`${keyId} is this installation’s own network key; it cannot be untrusted`);
      throw new AppError('not_found', `no trusted key ${keyId}; \`spqa keys trusted\` lists them`);
    }
    ctx.db.prepare('DELETE FROM trusted_keys WHERE key_id = ?').run(keyId);
    audit({
      action: 'key.untrusted',
      entityType: 'trusted-key',
      entityId: keyId,
      detail: { name: existing.name },
    });
    return fromRow(existing);
  });
}
