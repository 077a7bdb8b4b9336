import { z } from 'zod';
import { canonicalJson } from './canonical-json';

/**
 * The one signed-document form shared by certificates, registers and bundles:
 * `{ payload, signature: { alg: "Ed25519", keyId, value } }`, where `value` is the base64url
 * Ed25519 signature over the RFC 8785 canonical bytes of `payload`. Any tool can check it.
 */
/** A key's id: `ed25519:` and the first 16 bytes of its public key's SHA-256, in hex. */
export const KEY_ID_PATTERN = /^ed25519:[0-9a-f]{32}$/;
export const KEY_ID_MESSAGE = 'a key id looks like "ed25519:" and 32 hex digits';

export const signatureSchema = z.strictObject({
  alg: z.literal('Ed25519', { message: 'the signature algorithm must be "Ed25519"' }),
  keyId: z.string().min(1).max(200),
  value: z
    .string()
    .regex(/^[A-Za-z0-9_-]{86}$/, 'the signature value must be 64 bytes of base64url')
    // 86 characters carry 516 bits for 512: the last one must leave the spare bits zero, or
    // several texts would stand for one signature and a changed value would still verify.
    .refine(isCanonicalBase64Url, 'the signature value is not canonical base64url'),
});
export type Signature = z.infer<typeof signatureSchema>;

export const signedDocumentSchema = z.strictObject({
  payload: z.record(z.string(), z.unknown()),
  signature: signatureSchema,
});
export type SignedDocument<P = Record<string, unknown>> = { payload: P; signature: Signature };

export function signingBytes(payload: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(payload));
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (RFC 4648 §5), written out so shared/ needs neither Buffer nor btoa. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64URL[(n >> 18) & 63];
    out += B64URL[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += B64URL[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += B64URL[n & 63];
  }
  return out;
}

function isCanonicalBase64Url(text: string): boolean {
  try {
    fromBase64Url(text);
    return true;
  } catch {
    return false;
  }
}

/** Decodes base64url, refusing text whose spare trailing bits are not zero (RFC 4648 §3.5). */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of text) {
    value = (value << 6) | B64URL.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) throw new Error('not canonical base64url');
  return out.subarray(0, index);
}
