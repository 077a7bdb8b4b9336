/**
 * RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no
 * whitespace, numbers in ECMAScript's shortest round-trip form, strings as JSON.stringify
 * writes them (which matches the RFC's escaping rules). Signatures are made over these bytes.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError('canonical JSON has no form for NaN or Infinity');
      // ECMAScript's Number-to-String is exactly the serialisation RFC 8785 requires (and -0 becomes 0).
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
  const obj = value as object;
  if (ancestors.has(obj)) throw new TypeError('canonical JSON cannot hold a cycle');
  ancestors.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((item: unknown) => write(item === undefined ? null : item, ancestors)).join(',')}]`;
  } else {
    const record = obj as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort(compareUtf16);
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], ancestors)}`).join(',')}}`;
  }
  ancestors.delete(obj);
  return out;
}

function compareUtf16(a: string, b: string): number {
  // Default string comparison in JavaScript is by UTF-16 code units, as the RFC requires.
  return a < b ? -1 : a > b ? 1 : 0;
}
