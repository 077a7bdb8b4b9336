/**
 * The largest file of each kind taken in from outside, in bytes. The CLI checks a file's size
 * before reading it and the contract checks what it is given (from the CLI, the app or browser
 * mode), so each kind has one limit wherever it comes in. Each is far above any real file of its kind
 * (a national provider list is a few MB) and low enough that holding one in memory while it is
 * parsed, as text and again as records, cannot exhaust the core.
 */
export const FILE_LIMITS = {
  /** A provider list to import. */
  providerCsv: 50_000_000,
  /** Ratings to apply to one assessment: a line a criterion. */
  ratingsCsv: 10_000_000,
  /** A framework definition (JSON). */
  framework: 20_000_000,
  /** A certificate to verify: its signed JSON, or a PDF that carries it. */
  certificate: 50_000_000,
  /** A register's signed status list: a line for every certificate the network ever issued. */
  statusList: 200_000_000,
  /** A public key (PEM): a few hundred bytes; anything much larger is not a key. */
  publicKey: 10_000,
} as const;

/** A limit as people read it: "a CSV file is at most 50 MB" (decimal megabytes, as set above). */
export const sizeLimitMessage = (what: string, bytes: number) =>
  `${what} is at most ${bytes / 1_000_000} MB`;

/** How long a base64 text of `bytes` bytes is: the contract sees binary files in that form. */
export const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);
