import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ed25519Multikey, publicKeyFromMultikey } from './multibase';

/** did:key for an Ed25519 key: the key itself, so anyone can resolve it without a network. */
export function didKey(publicKey: KeyObject): string {
  return `did:key:${ed25519Multikey(publicKey)}`;
}

/**
 * The verification method of a key under an issuer's DID. For did:key the fragment is the key
 * again (as did:key resolution gives it); for did:web SPQA uses the same multibase key, so each
 * key the network ever used keeps one id in its DID document.
 */
export function verificationMethodId(did: string, publicKey: KeyObject): string {
  return `${did}#${ed25519Multikey(publicKey)}`;
}

/** The DID document `register build` publishes for did:web, listing every key of the network. */
export function didWebDocument(did: string, publicKeys: readonly KeyObject[]) {
  const methods = publicKeys.map((key) => ({
    id: verificationMethodId(did, key),
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: ed25519Multikey(key),
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

const didDocumentSchema = z.object({
  id: z.string(),
  verificationMethod: z
    .array(
      z.object({
        id: z.string(),
        type: z.string(),
        controller: z.string(),
        publicKeyMultibase: z.string().optional(),
      }),
    )
    .default([]),
  assertionMethod: z.array(z.union([z.string(), z.object({ id: z.string() })])).default([]),
});

/**
 * The public key a proof's verification method names, if the issuer's DID lists it for making
 * assertions; otherwise the reason it does not. did:key resolves from the identifier itself;
 * did:web from its DID document, which the caller has read from a register folder (or built
 * from this installation's own keys).
 */
export function resolveAssertionKey(
  issuer: string,
  verificationMethod: string,
  didWebDocumentJson: unknown,
): KeyObject | string {
  const [did, fragment] = verificationMethod.split('#');
  if (did !== issuer || !fragment)
    return `the proof's key ${verificationMethod} does not belong to the issuer ${issuer}`;
  if (issuer.startsWith('did:key:')) {
    const multibase = issuer.slice('did:key:'.length);
    if (fragment !== multibase)
      return `${verificationMethod} is not the key that ${issuer} stands for`;
    try {
      return publicKeyFromMultikey(multibase);
    } catch (error) {
      return `${issuer} is not an Ed25519 did:key (${(error as Error).message})`;
    }
  }
  if (!issuer.startsWith('did:web:'))
    return `the issuer ${issuer} is neither a did:key nor a did:web identifier`;
  if (didWebDocumentJson === undefined)
    return `${issuer} is resolved from its DID document (did.json); give the register folder it was published in (--register DIR)`;
  const parsed = didDocumentSchema.safeParse(didWebDocumentJson);
  if (!parsed.success) return `the DID document of ${issuer} is not a DID document`;
  const doc = parsed.data;
  if (doc.id !== issuer) return `the DID document is for ${doc.id}, not the issuer ${issuer}`;
  const method = doc.verificationMethod.find((m) => m.id === verificationMethod);
  const asserts = doc.assertionMethod.some(
    (m) => (typeof m === 'string' ? m : m.id) === verificationMethod,
  );
  if (!method || !asserts)
    return `the DID document of ${issuer} does not list the key ${verificationMethod} for making assertions`;
  if (method.type !== 'Multikey' || !method.publicKeyMultibase || method.controller !== issuer)
    return `the DID document lists ${verificationMethod} in a form SPQA does not read (Multikey expected)`;
  try {
    return publicKeyFromMultikey(method.publicKeyMultibase);
  } catch (error) {
    return `the DID document's key ${verificationMethod} is not an Ed25519 key (${(error as Error).message})`;
  }
}
