import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so ids survive being read aloud or retyped.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random id such as `prv_8F3K2M9QX4TZ` (60 bits), short enough to type into the CLI. */
export function newId(prefix: string): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${prefix}_${out}`;
}
