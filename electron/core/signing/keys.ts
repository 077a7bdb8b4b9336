import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { invalid } from '../errors';

/**
 * The private key is kept encrypted under a passphrase: scrypt stretches the passphrase into an
 * AES-256-GCM key, so a wrong passphrase fails authentication rather than yielding garbage.
 */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

const sealedKeySchema = z.object({
  v: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number(),
  r: z.number(),
  p: z.number(),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

export const MIN_PASSPHRASE = 10;

export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw invalid(`the passphrase must be at least ${MIN_PASSPHRASE} characters`, {
      field: 'passphrase',
    });
  }
}

/** A key id anyone can recompute from the public key: `ed25519:` and 16 bytes of its SHA-256. */
export function keyIdFor(publicKey: KeyObject): string {
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return `ed25519:${createHash('sha256').update(spki).digest('hex').slice(0, 32)}`;
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

export function parsePublicKeyPem(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw invalid(`${source}: not a PEM public key`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw invalid(`${source}: the key is ${key.asymmetricKeyType}, not Ed25519`);
  return key;
}

export interface GeneratedKey {
  keyId: string;
  publicKeyPem: string;
  sealedPrivateKey: string;
}

export function generateNetworkKey(passphrase: string): GeneratedKey {
  checkPassphrase(passphrase);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const data = Buffer.concat([cipher.update(der), cipher.final()]);
  const sealed = {
    v: 1,
    kdf: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return {
    keyId: keyIdFor(publicKey),
    publicKeyPem: publicKeyPem(publicKey),
    sealedPrivateKey: JSON.stringify(sealed),
  };
}

/** Opens the sealed private key; a wrong passphrase is a clear refusal, never a crash. */
export function unsealPrivateKey(sealedText: string, passphrase: string): KeyObject {
  const sealed = sealedKeySchema.parse(JSON.parse(sealedText));
  const key = scryptSync(passphrase, Buffer.from(sealed.salt, 'base64'), 32, {
    N: sealed.N,
    r: sealed.r,
    p: sealed.p,
    maxmem: SCRYPT.maxmem,
  });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  let der: Buffer;
  try {
    der = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    throw invalid('wrong passphrase for the network signing key', { field: 'passphrase' });
  }
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}
