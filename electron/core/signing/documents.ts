import { sign, verify, type KeyObject } from 'node:crypto';
import {
  fromBase64Url,
  signedDocumentSchema,
  signingBytes,
  toBase64Url,
  type SignedDocument,
} from '../../../shared/signing/format';
import { problemsFromZod, summariseProblems } from '../../../shared/validation/issues';
import { invalid } from '../errors';

/** Signs a payload in the shared signed-document form. */
export function signDocument<P extends Record<string, unknown>>(
  payload: P,
  privateKey: KeyObject,
  keyId: string,
): SignedDocument<P> {
  const value = sign(null, signingBytes(payload), privateKey);
  return { payload, signature: { alg: 'Ed25519', keyId, value: toBase64Url(value) } };
}

/** Parses the outer form; says what is wrong with it, naming the field. */
export function parseSignedDocument(json: unknown, source: string): SignedDocument {
  const parsed = signedDocumentSchema.safeParse(json);
  if (!parsed.success)
    throw invalid(
      `${source}: not a signed document (${summariseProblems(problemsFromZod(parsed.error))})`,
    );
  return parsed.data;
}

export function signatureValid(doc: SignedDocument, publicKey: KeyObject): boolean {
  try {
    return verify(null, signingBytes(doc.payload), publicKey, fromBase64Url(doc.signature.value));
  } catch {
    return false;
  }
}
