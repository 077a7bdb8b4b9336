import { randomInt } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';

/**
 * The smallest list Bitstring Status List v1.0 allows (16 KiB of bits), so that one set bit
 * cannot be tied to one credential by the list's size; lists grow in steps of the same size.
 */
export const LIST_BITS = 131_072;
/** A list that would decompress past this is refused rather than read (a gzip bomb). */
const MAX_LIST_BYTES = 16 * 1024 * 1024;

/** A status list's bits: index 0 is the left-most bit of the first byte. */
export class Bitstring {
  readonly bytes: Uint8Array;

  constructor(bits: number) {
    this.bytes = new Uint8Array(Math.max(1, Math.ceil(bits / LIST_BITS)) * (LIST_BITS / 8));
  }

  set(index: number): void {
    const byte = this.bytes[index >> 3];
    if (byte === undefined) throw new RangeError(`status index ${index} is past the list's end`);
    this.bytes[index >> 3] = byte | (0x80 >> (index & 7));
  }

  /** GZIP-compressed and base64url-encoded with the multibase prefix `u`, as `encodedList` is. */
  encode(): string {
    return `u${gzipSync(this.bytes).toString('base64url')}`;
  }
}

/** The bit at `index` of an `encodedList`, or why the list cannot be read. */
export function bitOf(encodedList: string, index: number): boolean | string {
  if (!encodedList.startsWith('u')) return 'the encoded list is not multibase base64url';
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), {
      maxOutputLength: MAX_LIST_BYTES,
    });
  } catch {
    return 'the encoded list is not a GZIP-compressed bitstring (or decompresses too large)';
  }
  if (bytes.length * 8 < LIST_BITS) return 'the list is shorter than the 131,072 bits required';
  const byte = bytes[index >> 3];
  if (byte === undefined) return `status index ${index} is past the end of the list`;
  return (byte & (0x80 >> (index & 7))) !== 0;
}

/**
 * The certificate's status list index, allocated on first use and never changed or reused
 * (migration 0120's triggers refuse both). Indexes are drawn at random from a list kept at
 * most half full, so a credential's place says nothing about when it was issued. Call inside
 * a transaction.
 */
export function statusIndexFor(db: Database, number: string, now: string): number {
  const existing = db
    .prepare('SELECT status_index FROM credential_status WHERE number = ?')
    .get(number) as { status_index: number } | undefined;
  if (existing) return existing.status_index;
  const used = (db.prepare('SELECT count(*) AS n FROM credential_status').get() as { n: number }).n;
  const capacity = Math.ceil((2 * (used + 1)) / LIST_BITS) * LIST_BITS;
  const taken = db.prepare('SELECT 1 FROM credential_status WHERE status_index = ?');
  let index = randomInt(capacity);
  while (taken.get(index)) index = randomInt(capacity);
  db.prepare(
    'INSERT INTO credential_status (number, status_index, allocated_at) VALUES (?, ?, ?)',
  ).run(number, index, now);
  return index;
}

/** The highest index allocated so far, so a published list is long enough to hold it. */
export function highestStatusIndex(db: Database): number {
  return (
    (
      db.prepare('SELECT max(status_index) AS n FROM credential_status').get() as {
        n: number | null;
      }
    ).n ?? -1
  );
}
