import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { OBV3_DIR } from './paths';

/*
 * Digital Bazaar's Verifiable Credentials libraries, which SPQA's own code does not use, set up
 * to check SPQA's credentials as any standard verifier would, but offline: each context comes
 * from its official file (the Open Badges and VC ones from /work/shared/schemas/obv3, the DID
 * and Multikey ones from their npm packages), did:key is resolved by Digital Bazaar's own
 * driver, and did:web documents and status lists come from the files a test hands over.
 */
const require = createRequire(import.meta.url);
const packageFile = (name: string, file: string) =>
  join(require.resolve(`${name}/package.json`), '..', 'contexts', file);

const CONTEXTS: Record<string, string> = {
  'https://www.w3.org/ns/credentials/v2': join(
    OBV3_DIR,
    'digital-credentials-public-validator',
    'contexts',
    'credentials-v2.jsonld',
  ),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': join(
    OBV3_DIR,
    'openbadges-specification',
    'develop',
    'ob_v3p0',
    'context-3.0.3.json',
  ),
  'https://www.w3.org/ns/did/v1': packageFile('did-context', 'did-v1.jsonld'),
  'https://w3id.org/security/multikey/v1': packageFile(
    '@digitalbazaar/multikey-context',
    'multikey-v1.jsonld',
  ),
};

const keyDriver = didKey.driver();
keyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

export interface PublishedFiles {
  /** did:web documents by DID. */
  didDocuments?: Record<string, Record<string, unknown>>;
  /** Anything else fetched by URL (status list credentials). */
  byUrl?: Record<string, unknown>;
}

function loaderFor(files: PublishedFiles) {
  return async (url: string) => {
    const document = await resolve(url, files);
    return { contextUrl: null, documentUrl: url, document };
  };
}

async function resolve(url: string, files: PublishedFiles): Promise<unknown> {
  const context = CONTEXTS[url];
  if (context) return JSON.parse(readFileSync(context, 'utf8')) as unknown;
  if (url.startsWith('did:key:')) return keyDriver.get({ url });
  const [did, fragment] = url.split('#');
  const didDocument = did === undefined ? undefined : files.didDocuments?.[did];
  if (didDocument) {
    if (fragment === undefined) return didDocument;
    const methods = didDocument.verificationMethod as { id: string }[];
    const method = methods.find((m) => m.id === url);
    if (!method) throw new Error(`${url} is not in the DID document`);
    return { '@context': didDocument['@context'], ...method };
  }
  const published = files.byUrl?.[url];
  if (published !== undefined) return published;
  throw new Error(`offline: nothing to load for ${url}`);
}

export interface IndependentVerdict {
  verified: boolean;
  /** The status bit, when the credential has a status entry and its list was checked. */
  statusBit: boolean | null;
  error: string | null;
}

/** Verifies a credential with @digitalbazaar/vc, its proof, dates and (if any) status. */
export async function verifyIndependently(
  credential: unknown,
  files: PublishedFiles = {},
  now?: Date,
): Promise<IndependentVerdict> {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader: loaderFor(files),
    checkStatus,
    ...(now ? { now } : {}),
  });
  const errors = [
    result.error,
    ...(result.results ?? []).map((r) => r.error),
    result.statusResult?.error,
  ].filter((e): e is Error => e !== undefined);
  return {
    verified: result.verified,
    statusBit: result.statusResult?.results?.[0]?.status ?? null,
    error: errors.length > 0 ? errors.map((e) => e.message).join('; ') : null,
  };
}
