import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, signedDocumentSchema, toBase64Url } from '../../shared/signing/format';

describe('base64url in signed documents', () => {
  it('round-trips every length and matches Node’s own encoder', () => {
    for (let n = 0; n <= 70; n += 1) {
      const bytes = randomBytes(n);
      const text = toBase64Url(bytes);
      expect(text).toBe(bytes.toString('base64url'));
      expect(Buffer.from(fromBase64Url(text))).toEqual(bytes);
    }
  });

  it('refuses text that is not base64url, or whose spare trailing bits are set', () => {
    expect(() => fromBase64Url('ab+c')).toThrow('not base64url');
    expect(() => fromBase64Url('abcde')).toThrow('not base64url');
    // "QQ" is the one canonical form of the byte 0x41; "QR" decodes to it too, with a spare bit set.
    expect(Buffer.from(fromBase64Url('QQ')).toString()).toBe('A');
    expect(() => fromBase64Url('QR')).toThrow('not canonical base64url');
    expect(() => fromBase64Url('QUJ')).toThrow('not canonical base64url');
    expect(Buffer.from(fromBase64Url('QUI')).toString()).toBe('AB');
  });

  it('gives each 64-byte signature exactly one accepted text', () => {
    const signature = randomBytes(64);
    signature[63] = 0;
    const value = toBase64Url(signature);
    expect(value).toHaveLength(86);
    expect(value.endsWith('A')).toBe(true);
    const doc = (v: string) => ({
      payload: {},
      signature: { alg: 'Ed25519', keyId: 'k', value: v },
    });
    expect(signedDocumentSchema.safeParse(doc(value)).success).toBe(true);
    // B to P differ from A only in the four bits 86 characters carry beyond 512.
    for (const last of ['B', 'C', 'E', 'I', 'P']) {
      const parsed = signedDocumentSchema.safeParse(doc(`${value.slice(0, 85)}${last}`));
      expect(parsed.success, last).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(
        'the signature value is not canonical base64url',
      );
    }
    // Q sets a bit of the last byte: another signature, well formed (and then not matching).
    expect(signedDocumentSchema.safeParse(doc(`${value.slice(0, 85)}Q`)).success).toBe(true);
  });
});
