import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  offlineDocumentLoader,
  OB_CONTEXT,
  VC_CONTEXT,
} from '../../electron/core/credentials/contexts';
import {
  addProof,
  canonize,
  proofToCheck,
  signatureMatches,
  type JsonObject,
} from '../../electron/core/credentials/data-integrity';
import {
  didKey,
  didWebDocument,
  resolveAssertionKey,
  verificationMethodId,
} from '../../electron/core/credentials/dids';
import { ed25519Multikey, publicKeyFromMultikey } from '../../electron/core/credentials/multibase';
import { openBadgeCredential } from '../../electron/core/exports/open-badge';
import { baseUrlSchema, webIssuer } from '../../shared/credentials/web-address';
import { signedCertificate, testNetworkKey, type TestKey } from '../helpers/certificates';
import { verifyIndependently } from '../helpers/independent-verifier';
import { openBadgeValidator } from '../helpers/open-badge-schema';
import { OBV3_DIR, RESOURCES_DIR } from '../helpers/paths';

const loader = offlineDocumentLoader(RESOURCES_DIR);
const WHEN = new Date('2026-04-01T00:00:00Z');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let key: TestKey;
let did: string;
let badge: JsonObject;
beforeAll(async () => {
  key = testNetworkKey();
  did = didKey(key.publicKey);
  badge = await addProof(
    openBadgeCredential(signedCertificate(key), { id: did, url: null }, null),
    {
      privateKey: key.privateKey,
      verificationMethod: verificationMethodId(did, key.publicKey),
      created: '2026-03-04T10:00:00Z',
      documentLoader: loader,
    },
  );
});

/** Our own check of a did:key badge: the proof read, the key resolved, the signature matched. */
async function ourVerdict(credential: JsonObject): Promise<string | null> {
  const check = await proofToCheck(credential, loader);
  if (typeof check === 'string') return check;
  const issuer = (credential.issuer as { id: string }).id;
  const resolved = resolveAssertionKey(issuer, check.proof.verificationMethod, undefined);
  if (typeof resolved === 'string') return resolved;
  return signatureMatches(check, resolved) ? null : 'no match';
}

describe('an Open Badge secured with eddsa-rdfc-2022', () => {
  it('verifies with Digital Bazaar’s Verifiable Credentials library, and with our own code', async () => {
    expect(badge.proof).toMatchObject([
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
        verificationMethod: `${did}#${did.slice('did:key:'.length)}`,
      },
    ]);
    expect(await verifyIndependently(badge, {}, WHEN)).toEqual({
      verified: true,
      statusBit: null,
      error: null,
    });
    expect(await ourVerdict(badge)).toBeNull();
  });

  it('still passes the official Open Badges 3.0 JSON Schema with its proof', () => {
    const validate = openBadgeValidator();
    expect(validate(badge), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is caught by both verifiers when one character of the subject, proof value or issuer changes', async () => {
    const flip = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === 'a' ? 'b' : 'a'}${text.slice(at + 1)}`;
    const changes: [string, (c: JsonObject) => void][] = [
      [
        'the holder’s name',
        (c) => {
          const subject = c.credentialSubject as { identifier: { identityHash: string }[] };
          const name = subject.identifier[0];
          if (name) name.identityHash = flip(name.identityHash, 3);
        },
      ],
      [
        'the proof value',
        (c) => {
          const [proof] = c.proof as { proofValue: string }[];
          if (proof) proof.proofValue = flip(proof.proofValue, 20);
        },
      ],
      [
        'the issuer',
        (c) => {
          const issuer = c.issuer as { id: string };
          issuer.id = flip(issuer.id, issuer.id.length - 3);
        },
      ],
    ];
    for (const [what, change] of changes) {
      const changed = clone(badge);
      change(changed);
      const independent = await verifyIndependently(changed, {}, WHEN);
      expect(independent.verified, what).toBe(false);
      expect(await ourVerdict(changed), what).not.toBeNull();
    }
  });

  it('canonicalises the Open Badges test vector exactly as 1EdTech publishes it', async () => {
    const vectors = join(
      OBV3_DIR,
      'openbadges-specification',
      'develop',
      'ob_v3p0',
      'impl',
      'test-vectors',
      'obv3p0',
    );
    // The specification's Teamwork Badge, which those N-Quads are the canonical form of.
    const credential = {
      '@context': [VC_CONTEXT, OB_CONTEXT],
      id: 'http://example.com/credentials/3527',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: {
        id: 'https://example.edu/issuers/565049',
        type: ['Profile'],
        name: 'Example Corp',
        url: 'https://www.imsglobal.org',
      },
      validFrom: '2010-01-01T00:00:00Z',
      name: 'Teamwork Badge',
      credentialSubject: {
        id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://example.com/achievements/21st-century-skills/teamwork',
          type: ['Achievement'],
          criteria: {
            narrative:
              'Team members are nominated for this badge by their peers and recognized upon review by Example Corp management.',
          },
          description:
            'This badge recognizes the development of the capacity to collaborate within a group environment.',
          name: 'Teamwork',
        },
      },
    };
    expect(await canonize(credential, loader)).toBe(
      readFileSync(join(vectors, 'document-canon.txt'), 'utf8'),
    );
    const proofOptions = {
      '@context': [VC_CONTEXT, OB_CONTEXT],
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2010-01-01T19:23:24Z',
      verificationMethod:
        'https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
      proofPurpose: 'assertionMethod',
    };
    expect(await canonize(proofOptions, loader)).toBe(
      readFileSync(join(vectors, 'proof-canon.txt'), 'utf8'),
    );
  });

  it('names an unknown context, an undefined term and another cryptosuite', async () => {
    const unknown = clone(badge);
    unknown['@context'] = [VC_CONTEXT, OB_CONTEXT, 'https://example.org/extra.json'];
    expect(await ourVerdict(unknown)).toBe(
      'unknown context https://example.org/extra.json: only the contexts bundled with SPQA are accepted',
    );
    const undefinedTerm = clone(badge);
    (undefinedTerm.credentialSubject as JsonObject).favouriteColour = 'blue';
    expect(await ourVerdict(undefinedTerm)).toBe(
      '"favouriteColour" is not defined by any of the credential\'s contexts',
    );
    const otherSuite = clone(badge);
    const [proof] = otherSuite.proof as JsonObject[];
    if (proof) proof.cryptosuite = 'ecdsa-rdfc-2019';
    expect(await ourVerdict(otherSuite)).toBe(
      'the proof uses cryptosuite "ecdsa-rdfc-2019", not eddsa-rdfc-2022',
    );
  });
});

describe('issuer identifiers', () => {
  it('encodes did:key as the W3C did:key test vector does, and back', () => {
    // did:key specification, Ed25519 example: the key whose multibase form is this.
    const multibase = 'z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp';
    const publicKey = publicKeyFromMultikey(multibase);
    expect(ed25519Multikey(publicKey)).toBe(multibase);
    expect(didKey(publicKey)).toBe(`did:key:${multibase}`);
    expect(() => publicKeyFromMultikey('z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc')).toThrow(
      'not an Ed25519 Multikey',
    );
  });

  it('derives did:web and where its document goes from the register’s web address', () => {
    const parse = (text: string) => baseUrlSchema.safeParse(text);
    expect(parse('https://Register.Example.org/quality/').data).toBe(
      'https://register.example.org/quality',
    );
    expect(webIssuer('https://register.example.org/quality/uk')).toEqual({
      baseUrl: 'https://register.example.org/quality/uk',
      did: 'did:web:register.example.org:quality:uk',
      didDocumentPath: 'did.json',
    });
    expect(webIssuer('https://register.example.org:8443')).toEqual({
      baseUrl: 'https://register.example.org:8443',
      did: 'did:web:register.example.org%3A8443',
      didDocumentPath: '.well-known/did.json',
    });
    for (const bad of [
      'http://register.example.org',
      'https://register.example.org/a?b=c',
      'https://user:pw@register.example.org',
      'https://register.example.org/a b',
      'register.example.org',
    ])
      expect(parse(bad).success, bad).toBe(false);
  });

  it('refuses a did:web document that does not list the proof’s key for assertions', () => {
    const web = 'did:web:register.example.org';
    const method = verificationMethodId(web, key.publicKey);
    const doc = didWebDocument(web, [key.publicKey]);
    expect(typeof resolveAssertionKey(web, method, doc)).toBe('object');
    const other = didWebDocument(web, [testNetworkKey().publicKey]);
    expect(resolveAssertionKey(web, method, other)).toBe(
      `the DID document of ${web} does not list the key ${method} for making assertions`,
    );
    expect(resolveAssertionKey(web, method, undefined)).toMatch(/--register DIR/);
  });
});
