import { createPublicKey, sign, verify } from 'node:crypto';
import type { CertificatePayload } from '../../shared/accreditation/schema';
import type { SignedDocument } from '../../shared/signing/format';
import { canonicalJson } from '../../shared/signing/canonical-json';
import { offlineDocumentLoader } from '../../electron/core/credentials/contexts';
import {
  addProof,
  proofToCheck,
  signatureMatches,
  type JsonObject,
} from '../../electron/core/credentials/data-integrity';
import { verificationMethodId } from '../../electron/core/credentials/dids';
import { openBadgeCredential } from '../../electron/core/exports/open-badge';
import { unlockNetworkKey } from '../../electron/core/signing/keystore';
import { webIssuer } from '../../shared/credentials/web-address';
import {
  type Bench,
  type BenchFigure,
  BENCH_PASSPHRASE,
  openBenchCore,
  RESOURCES_DIR,
  timed,
} from './common';

const CREDENTIALS = 1_000;

/** A part of the whole figure, shown on its own without a baseline. */
const part = (name: string, ms: number): BenchFigure => ({
  name,
  value: ms / 1000,
  unit: 's',
  baseline: null,
  ratio: null,
  ratioMeaning: '',
  target: null,
  met: null,
});

/**
 * Issuing and verifying 1,000 Open Badges credentials (eddsa-rdfc-2022: each credential and its
 * proof options canonicalised by jsonld.js, hashed and signed) for certificates of the
 * 10,000-provider data set, with a did:web issuer and a status entry as a published register
 * issues them. The baseline signs and verifies the same unsigned credentials with plain Ed25519
 * over their RFC 8785 canonical JSON, so the ratio is the cost of RDF canonicalisation.
 */
export const credentialsBench: Bench = {
  name: 'credentials',
  summary: 'issue and verify 1,000 Open Badges credentials',
  async run(ctx) {
    const core = await openBenchCore(await ctx.dataDir(10_000));
    let documents: SignedDocument<CertificatePayload>[];
    let key: ReturnType<typeof unlockNetworkKey>;
    try {
      documents = (
        core.context.db
          .prepare('SELECT document FROM certificates ORDER BY number LIMIT ?')
          .pluck()
          .all(CREDENTIALS) as string[]
      ).map((text) => JSON.parse(text) as SignedDocument<CertificatePayload>);
      key = unlockNetworkKey(core.context.db, BENCH_PASSPHRASE);
    } finally {
      core.close();
    }
    if (documents.length < CREDENTIALS) throw new Error(`only ${documents.length} certificates`);
    const web = webIssuer('https://register.example.org/quality');
    const publicKey = createPublicKey(key.privateKey);
    const verificationMethod = verificationMethodId(web.did, publicKey);
    const unsigned = documents.map((doc, index) =>
      openBadgeCredential(
        doc,
        { id: web.did, url: web.baseUrl },
        { listUrl: `${web.baseUrl}/credentials/status/suspension.json`, index },
      ),
    );
    const documentLoader = offlineDocumentLoader(RESOURCES_DIR);

    const issued = await timed(async () => {
      const out: JsonObject[] = [];
      for (const credential of unsigned)
        out.push(
          await addProof(credential, {
            privateKey: key.privateKey,
            verificationMethod,
            created: '2026-12-06T00:00:00Z',
            documentLoader,
          }),
        );
      return out;
    });
    const verified = await timed(async () => {
      for (const credential of issued.value) {
        const check = await proofToCheck(credential, documentLoader);
        if (typeof check === 'string' || !signatureMatches(check, publicKey))
          throw new Error(`a credential did not verify: ${String(check)}`);
      }
    });
    const plain = await timed(() => {
      for (const credential of unsigned) {
        const bytes = Buffer.from(canonicalJson(credential), 'utf8');
        const signature = sign(null, bytes, key.privateKey);
        if (!verify(null, bytes, publicKey, signature)) throw new Error('plain Ed25519 failed');
      }
    });
    const ours = issued.ms + verified.ms;
    ctx.log(
      `  issued ${CREDENTIALS} in ${(issued.ms / 1000).toFixed(2)} s, verified in ${(verified.ms / 1000).toFixed(2)} s; plain Ed25519 sign + verify of the same payloads: ${plain.ms.toFixed(0)} ms`,
    );
    return [
      {
        name: 'issue + verify 1,000 Open Badges credentials (eddsa-rdfc-2022)',
        value: ours / 1000,
        unit: 's',
        baseline: {
          label: 'plain Ed25519 sign + verify of the same payloads (RFC 8785 JSON)',
          value: plain.ms / 1000,
        },
        ratio: ours / plain.ms,
        ratioMeaning: 'credential time ÷ plain Ed25519 time: the cost of RDF canonicalisation',
        target: null,
        met: null,
      },
      part('issue 1,000 Open Badges credentials', issued.ms),
      part('verify 1,000 Open Badges credentials', verified.ms),
    ];
  },
};
