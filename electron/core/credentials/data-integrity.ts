import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import jsonld, { type DocumentLoader } from 'jsonld';
import { base58btc, fromBase58btc } from './multibase';

export const CRYPTOSUITE = 'eddsa-rdfc-2022' as const;

export type JsonObject = Record<string, unknown>;

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: typeof CRYPTOSUITE;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
}

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document by jsonld.js, in safe mode: a
 * term no context defines, a relative IRI or anything else that would be silently dropped
 * raises instead, so everything signed is also what a verifier sees.
 */
export function canonize(document: unknown, documentLoader: DocumentLoader): Promise<string> {
  return jsonld.canonize(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    safe: true,
    documentLoader,
  });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** What eddsa-rdfc-2022 signs: the hash of the canonical proof options, then of the document. */
async function hashData(
  unsecured: JsonObject,
  options: Omit<DataIntegrityProof, 'proofValue'>,
  documentLoader: DocumentLoader,
): Promise<Buffer> {
  const [proofConfig, document] = await Promise.all([
    canonize({ ...options, '@context': unsecured['@context'] }, documentLoader),
    canonize(unsecured, documentLoader),
  ]);
  return Buffer.concat([sha256(proofConfig), sha256(document)]);
}

/**
 * Secures a document with a Data Integrity proof, cryptosuite eddsa-rdfc-2022 (W3C Data
 * Integrity EdDSA Cryptosuites v1.0 §3.2), for the assertion purpose. The proof goes in a list
 * of one, as the Open Badges 3.0 JSON Schema requires (Data Integrity allows either form).
 */
export async function addProof<T extends JsonObject>(
  unsecured: T,
  values: {
    privateKey: KeyObject;
    verificationMethod: string;
    created: string;
    documentLoader: DocumentLoader;
  },
): Promise<T & { proof: DataIntegrityProof[] }> {
  const options = {
    type: 'DataIntegrityProof' as const,
    cryptosuite: CRYPTOSUITE,
    created: values.created,
    verificationMethod: values.verificationMethod,
    proofPurpose: 'assertionMethod' as const,
  };
  const signature = sign(
    null,
    await hashData(unsecured, options, values.documentLoader),
    values.privateKey,
  );
  return { ...unsecured, proof: [{ ...options, proofValue: `z${base58btc(signature)}` }] };
}

/** What a secured document's proof signs, ready to check against a key; or why it cannot be. */
export interface ProofToCheck {
  proof: DataIntegrityProof;
  hashData: Buffer;
  signature: Uint8Array;
}

/**
 * Reads a secured document's proof and canonicalises the document and the proof options (in
 * safe mode), so that a form or vocabulary problem is named before any key is looked at.
 */
export async function proofToCheck(
  secured: JsonObject,
  documentLoader: DocumentLoader,
): Promise<ProofToCheck | string> {
  const { proof: raw, ...unsecured } = secured;
  const proof = parseProof(raw);
  if (typeof proof === 'string') return proof;
  const { proofValue, ...options } = proof;
  let signature: Uint8Array;
  try {
    signature = fromBase58btc(proofValue.slice(1));
  } catch {
    return 'the proof value is not base58btc';
  }
  if (signature.length !== 64) return 'the proof value is not a 64-byte Ed25519 signature';
  try {
    return { proof, hashData: await hashData(unsecured, options, documentLoader), signature };
  } catch (error) {
    return canonicalisationProblem(error);
  }
}

export function signatureMatches(check: ProofToCheck, publicKey: KeyObject): boolean {
  try {
    return verify(null, check.hashData, publicKey, check.signature);
  } catch {
    return false;
  }
}

/** What jsonld.js refused, in words: an unknown context, an undefined term, a relative IRI. */
function canonicalisationProblem(error: unknown): string {
  const details = (error as { details?: Record<string, unknown> }).details ?? {};
  if (details.code === 'loading remote context failed')
    return `unknown context ${String(details.url)}: only the contexts bundled with SPQA are accepted`;
  const event = details.event as
    { code?: string; message?: string; details?: Record<string, unknown> } | undefined;
  if (event?.code === 'invalid property')
    return `"${String(event.details?.property)}" is not defined by any of the credential's contexts`;
  if (event?.code === 'relative @id reference')
    return `"${String(event.details?.id)}" is a relative reference where an absolute IRI is needed`;
  if (event?.message) return `the credential is not valid JSON-LD: ${event.message}`;
  return `the credential cannot be canonicalised: ${error instanceof Error ? error.message : String(error)}`;
}

/** The one proof a credential must carry, its form checked; a string says what is wrong. */
export function parseProof(proofs: unknown): DataIntegrityProof | string {
  if (proofs === undefined) return 'the credential carries no proof';
  if (Array.isArray(proofs) && proofs.length !== 1)
    return proofs.length === 0
      ? 'the credential carries no proof'
      : 'the credential carries more than one proof';
  const proof: unknown = Array.isArray(proofs) ? proofs[0] : proofs;
  if (typeof proof !== 'object' || proof === null) return 'the proof is not an object';
  const p = proof as JsonObject;
  if (p.type !== 'DataIntegrityProof')
    return `the proof is of type ${JSON.stringify(p.type)}, not DataIntegrityProof`;
  if (p.cryptosuite !== CRYPTOSUITE)
    return `the proof uses cryptosuite ${JSON.stringify(p.cryptosuite)}, not ${CRYPTOSUITE}`;
  if (p.proofPurpose !== 'assertionMethod')
    return `the proof's purpose is ${JSON.stringify(p.proofPurpose)}, not assertionMethod`;
  if (typeof p.verificationMethod !== 'string') return 'the proof names no verification method';
  if (typeof p.created !== 'string' || Number.isNaN(Date.parse(p.created)))
    return 'the proof has no valid creation time';
  if (typeof p.proofValue !== 'string' || !p.proofValue.startsWith('z'))
    return 'the proof value is not a base58btc multibase value';
  const known = new Set([
    'type',
    'cryptosuite',
    'created',
    'verificationMethod',
    'proofPurpose',
    'proofValue',
  ]);
  const extra = Object.keys(p).find((k) => !known.has(k));
  if (extra !== undefined) return `the proof carries "${extra}", which SPQA's proofs never do`;
  return p as unknown as DataIntegrityProof;
}
