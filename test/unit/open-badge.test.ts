import { beforeAll, describe, expect, it } from 'vitest';
import { openBadgeCredential, uuidV5 } from '../../electron/core/exports/open-badge';
import type { SignedDocument } from '../../shared/signing/format';
import type { CertificatePayload } from '../../shared/accreditation/schema';
import {
  CONDITIONAL_DECISION,
  signedCertificate,
  testNetworkKey,
  type TestKey,
} from '../helpers/certificates';
import { openBadgeValidator } from '../helpers/open-badge-schema';

const validate = openBadgeValidator();

const ISSUER = {
  id: 'did:web:register.example.org:quality',
  url: 'https://register.example.org/quality',
};
const STATUS = {
  listUrl: 'https://register.example.org/quality/credentials/status/suspension.json',
  index: 4242,
};
/** The credential with a did:web issuer and a status entry, as a network with a web address issues it. */
const badgeOf = (doc: SignedDocument<CertificatePayload>) =>
  openBadgeCredential(doc, ISSUER, STATUS);

function problems(credential: unknown): string[] {
  return validate(credential)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

type Json = Record<string, unknown>;
const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;
const achievementOf = (credential: Json) =>
  (credential.credentialSubject as Json).achievement as Json;

let key: TestKey;
beforeAll(() => {
  key = testNetworkKey();
});

describe('the Open Badges 3.0 credential', () => {
  it('validates against the OB 3.0 AchievementCredential schema', () => {
    const credential = badgeOf(signedCertificate(key));
    expect(problems(credential)).toEqual([]);
    expect(credential).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: {
        id: 'did:web:register.example.org:quality',
        type: ['Profile'],
        name: 'National Social Prescribing Quality Network',
        url: 'https://register.example.org/quality',
      },
      validFrom: '2026-03-04T00:00:00Z',
      validUntil: '2029-03-03T23:59:59Z',
      credentialSubject: {
        id: 'urn:spqa:provider:prv_01JTESTPROVIDER',
        type: ['AchievementSubject'],
        licenseNumber: 'SPQA-2026-000042',
        identifier: [
          {
            type: 'IdentityObject',
            hashed: false,
            identityHash: 'Cymdeithas Gŵyl Ŷd',
            identityType: 'name',
          },
          {
            type: 'IdentityObject',
            hashed: false,
            identityHash: '1187654',
            identityType: 'ext:CharityNumber',
          },
          {
            type: 'IdentityObject',
            hashed: false,
            identityHash: '11223344',
            identityType: 'ext:CompanyNumber',
          },
        ],
        achievement: {
          id: 'urn:spqa:achievement:spqa-national:1.0.0',
          type: ['Achievement'],
          achievementType: 'QualityAssuranceCredential',
          name: 'Accredited under National Quality Standards for Social Prescribing',
        },
      },
      // Open Badges 3.0 allows one status entry: the suspension list (docs/credentials.md).
      credentialStatus: {
        id: `${STATUS.listUrl}#4242`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'suspension',
        statusListIndex: '4242',
        statusListCredential: STATUS.listUrl,
      },
    });
    const narrative = (achievementOf(credential).criteria as Json).narrative as string;
    expect(narrative).toContain(
      'National Quality Standards for Social Prescribing (spqa-national@1.0.0)',
    );
    expect(narrative).toContain('Activities and services');
    expect(narrative).toContain('Decision on 2 March 2026: Accredited');
  });

  it('states the conditions and their due date for accreditation with conditions, and still validates', () => {
    const credential = badgeOf(signedCertificate(key, { decision: CONDITIONAL_DECISION }));
    expect(problems(credential)).toEqual([]);
    const narrative = (achievementOf(credential).criteria as Json).narrative as string;
    expect(narrative).toContain('Accredited with conditions');
    expect(narrative).toContain('to be met by 1 June 2026');
    expect(narrative).toContain(CONDITIONAL_DECISION.conditions);
  });

  it('leaves out the registration numbers a provider does not have', () => {
    const doc = signedCertificate(key);
    const credential = badgeOf(
      signedCertificate(key, {
        holder: { ...doc.payload.holder, charityNumber: null, companyNumber: null },
      }),
    );
    expect(problems(credential)).toEqual([]);
    expect((credential.credentialSubject as Json).identifier).toHaveLength(1);
  });

  it('has an id derived from the certificate number alone', () => {
    const a = badgeOf(signedCertificate(key));
    const b = badgeOf(signedCertificate(testNetworkKey()));
    const c = badgeOf(signedCertificate(key, { number: 'SPQA-2026-000043' }));
    expect(a.id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    // The RFC 9562 example: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('fails the schema when a required or constrained property is wrong, so the check is real', () => {
    const good = badgeOf(signedCertificate(key));
    const broken: [string, (c: Json) => void][] = [
      [
        'an unknown achievementType',
        (c) => (achievementOf(c).achievementType = 'AccreditationCertificate'),
      ],
      ['no achievement criteria', (c) => delete achievementOf(c).criteria],
      ['no achievement description', (c) => delete achievementOf(c).description],
      ['no validFrom', (c) => delete c.validFrom],
      ['a date without a time', (c) => (c.validFrom = '2026-03-04')],
      ['no OpenBadgeCredential type', (c) => (c.type = ['VerifiableCredential'])],
      [
        'the VC 1.1 context',
        (c) =>
          (c['@context'] = [
            'https://www.w3.org/2018/credentials/v1',
            'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
          ]),
      ],
      [
        // Why a badge carries one status entry, not one per purpose (docs/credentials.md).
        'two status entries',
        (c) => (c.credentialStatus = [c.credentialStatus, c.credentialStatus]),
      ],
      [
        'an identity without identityType',
        (c) => delete ((c.credentialSubject as Json).identifier as Json[])[0]?.identityType,
      ],
    ];
    for (const [what, breakIt] of broken) {
      const copy = clone(good);
      breakIt(copy);
      expect(problems(copy), what).not.toEqual([]);
    }
    // achievementType itself is optional in OB 3.0: leaving it out is allowed.
    const without = clone(good);
    delete achievementOf(without).achievementType;
    expect(problems(without)).toEqual([]);
  });
});
