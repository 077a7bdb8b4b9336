import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { CertificatePayload } from '../../shared/accreditation/schema';
import type { SignedDocument } from '../../shared/signing/format';
import { signDocument } from '../../electron/core/signing/documents';
import { generateNetworkKey, unsealPrivateKey } from '../../electron/core/signing/keys';

const PASSPHRASE = 'a test passphrase';

export interface TestKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A network key made the way the app makes one: generated, sealed, then opened again. */
export function testNetworkKey(): TestKey {
  const generated = generateNetworkKey(PASSPHRASE);
  return {
    keyId: generated.keyId,
    privateKey: unsealPrivateKey(generated.sealedPrivateKey, PASSPHRASE),
    publicKey: createPublicKey(generated.publicKeyPem),
  };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A certificate payload as buildPayload makes one, with whatever the test changes. */
export function certificatePayload(
  keyId: string,
  changes: Partial<CertificatePayload> = {},
): CertificatePayload {
  return {
    type: 'SPQACertificate',
    formatVersion: 1,
    number: 'SPQA-2026-000042',
    holder: {
      providerId: 'prv_01JTESTPROVIDER',
      name: 'Cymdeithas Gŵyl Ŷd',
      address: 'Hen Ysgol, Stryd y Bont, Llanrwst',
      postcode: 'LL26 0LS',
      region: 'wales',
      charityNumber: '1187654',
      companyNumber: '11223344',
    },
    scope: {
      services: [
        {
          id: 'svc_1',
          name: 'Gardd Gymunedol (community garden)',
          category: 'nature-and-gardening',
        },
        { id: 'svc_2', name: 'Wednesday walking group', category: 'exercise-and-leisure' },
        { id: 'svc_3', name: 'Benefits and debt advice drop-in', category: 'advice' },
      ],
      domains: [
        { code: 'AS', title: 'Activities and services' },
        { code: 'RC', title: 'Capacity and capability to deal with referrals' },
        { code: 'GS', title: 'Governance and safety' },
        { code: 'OL', title: 'Outcomes and learning' },
      ],
    },
    framework: {
      id: 'spqa-national',
      version: '1.0.0',
      title: 'National Quality Standards for Social Prescribing',
      sha256: sha('framework'),
    },
    decision: {
      outcome: 'accredited',
      decidedOn: '2026-03-02',
      conditions: null,
      conditionsDue: null,
    },
    assessment: { id: 'asm_01JTESTASSESSMENT', revision: 1, sealSha256: sha('seal') },
    issuedOn: '2026-03-04',
    expiresOn: '2029-03-03',
    issuer: { name: 'National Social Prescribing Quality Network', keyId },
    supersedes: null,
    ...changes,
  };
}

export function signedCertificate(
  key: TestKey,
  changes: Partial<CertificatePayload> = {},
): SignedDocument<CertificatePayload> {
  return signDocument(certificatePayload(key.keyId, changes), key.privateKey, key.keyId);
}

export const CONDITIONAL_DECISION: CertificatePayload['decision'] = {
  outcome: 'conditional',
  decidedOn: '2026-03-02',
  conditions:
    'Adopt a written safeguarding policy approved by the trustees, and give every volunteer who leads a session ' +
    'safeguarding training at the right level.',
  conditionsDue: '2026-06-01',
};
