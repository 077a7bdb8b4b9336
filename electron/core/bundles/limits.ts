/**
 * Limits a bundle must keep before anything in it is read. They are far above what any real
 * assessment needs and far below what would exhaust memory or disk; declared sizes are held
 * to them first, and the zip reader then holds every entry to its declared size.
 */
export const LIMITS = {
  /** Entries in one bundle: records, keys and one per evidence file. */
  entries: 50_000,
  /** The signed manifest, read whole. */
  manifestBytes: 16 * 1024 * 1024,
  /** Each record file (JSON), read whole. */
  recordBytes: 128 * 1024 * 1024,
  /** A carried public key. */
  keyBytes: 16 * 1024,
  /** One evidence file, streamed. */
  entryBytes: 4 * 1024 * 1024 * 1024,
  /** Everything in the bundle once unpacked. */
  totalBytes: 64 * 1024 * 1024 * 1024,
  /** Entry names, in bytes. */
  nameBytes: 255,
  /** Deflate can at best shrink data about 1000 to 1; real files stay far below this. */
  compressionRatio: 200,
  /** Entries smaller than this are not held to the ratio (tiny files compress oddly well). */
  ratioExemptBytes: 1024 * 1024,
  /** The most a bundle may be downloaded through the app (base64 through one request). */
  inlineExportBytes: 256 * 1024 * 1024,
} as const;
