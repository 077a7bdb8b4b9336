import type { KeyObject } from 'node:crypto';
import type { RegisterEntry } from '../../../shared/register/schema';
import { suspensionBitSet } from '../../../shared/credentials/status-bits';
import {
  badgePath,
  STATUS_LIST_PATH,
  type WebIssuer,
} from '../../../shared/credentials/web-address';
import type { CertificateRow } from '../certificates/queries';
import type { CoreContext } from '../context';
import { VC_CONTEXT, offlineDocumentLoader } from '../credentials/contexts';
import { addProof } from '../credentials/data-integrity';
import {
  badgeSigner,
  networkPublicKeys,
  signBadges,
  type BadgeSigner,
} from '../credentials/badges';
import { didWebDocument } from '../credentials/dids';
import { Bitstring, highestStatusIndex } from '../credentials/status-list';
import type { OutputWriter } from './outputs';
import type { StagingFolder, WrittenFile } from './staging';

/** Badges are signed and written this many at a time, so memory stays flat. */
const BADGE_BATCH = 500;

/**
 * What a publication holds for Open Badges once the register has a web address: the did:web
 * DID document (every key the network has used), the suspension status list as a signed
 * BitstringStatusListCredential, and the badge of each active certificate this network issued.
 * Badges already signed for the same issuer, key and address are reused, so a build signs only
 * those of new certificates. docs/credentials.md describes the files.
 */
export class CredentialWriter implements OutputWriter {
  private readonly indexes: Map<string, number>;
  private readonly ownKeys: Set<string>;
  private readonly setBits: number[] = [];
  private readonly active: string[] = [];
  private readonly signer: BadgeSigner;
  /** How many badges this build signed (the rest were still current). */
  signedCount = 0;

  constructor(
    private readonly ctx: CoreContext,
    private readonly staging: StagingFolder,
    private readonly values: {
      web: WebIssuer;
      key: { keyId: string; privateKey: KeyObject };
      generatedAt: string;
    },
  ) {
    this.signer = badgeSigner(ctx.db, values.key);
    this.indexes = new Map(
      (
        ctx.db.prepare('SELECT number, status_index FROM credential_status').all() as {
          number: string;
          status_index: number;
        }[]
      ).map((row) => [row.number, row.status_index]),
    );
    this.ownKeys = new Set(networkPublicKeys(ctx.db).map((k) => k.keyId));
  }

  /** The network's own key ids: the register page offers the badges of their active certificates. */
  get badgeKeyIds(): string[] {
    return [...this.ownKeys];
  }

  add(entries: readonly RegisterEntry[]): void {
    for (const entry of entries) {
      const index = this.indexes.get(entry.certificateNumber);
      if (index !== undefined && suspensionBitSet(entry.status)) this.setBits.push(index);
      if (entry.status === 'active' && this.ownKeys.has(entry.issuer.keyId))
        this.active.push(entry.certificateNumber);
    }
  }

  async finish(): Promise<WrittenFile[]> {
    const files = [...(await this.writeBadges()), this.writeDidDocument()];
    // After the badges: a certificate given its index in this build is counted in the length.
    files.push(await this.writeStatusList());
    return files;
  }

  private async writeBadges(): Promise<WrittenFile[]> {
    const files: WrittenFile[] = [];
    const select = this.ctx.db.prepare('SELECT * FROM certificates WHERE number = ?');
    for (let start = 0; start < this.active.length; start += BADGE_BATCH) {
      const rows = this.active
        .slice(start, start + BADGE_BATCH)
        .map((number) => select.get(number) as CertificateRow);
      const badges = await signBadges(this.ctx.db, this.signer, rows, {
        now: this.values.generatedAt,
        resourcesDir: this.ctx.resourcesDir,
      });
      for (const badge of badges) {
        if (badge.signed) this.signedCount++;
        const file = this.staging.file(badgePath(badge.number));
        file.write(`${JSON.stringify(badge.credential, null, 2)}\n`);
        files.push(file.close());
      }
      this.ctx.progress({
        phase: 'signing the Open Badges',
        done: Math.min(start + BADGE_BATCH, this.active.length),
        total: this.active.length,
      });
    }
    return files;
  }

  private writeDidDocument(): WrittenFile {
    const doc = didWebDocument(
      this.values.web.did,
      networkPublicKeys(this.ctx.db).map((k) => k.key),
    );
    const file = this.staging.file(this.values.web.didDocumentPath);
    file.write(`${JSON.stringify(doc, null, 2)}\n`);
    return file.close();
  }

  private async writeStatusList(): Promise<WrittenFile> {
    const bits = new Bitstring(highestStatusIndex(this.ctx.db) + 1);
    for (const index of this.setBits) bits.set(index);
    const url = this.signer.statusListUrl ?? `${this.values.web.baseUrl}/${STATUS_LIST_PATH}`;
    const credential = await addProof(
      {
        '@context': [VC_CONTEXT],
        id: url,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: this.signer.issuer.id,
        validFrom: `${this.values.generatedAt.slice(0, 19)}Z`,
        credentialSubject: {
          id: `${url}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'suspension',
          encodedList: bits.encode(),
        },
      },
      {
        privateKey: this.values.key.privateKey,
        verificationMethod: this.signer.verificationMethod,
        created: `${this.values.generatedAt.slice(0, 19)}Z`,
        documentLoader: offlineDocumentLoader(this.ctx.resourcesDir),
      },
    );
    const file = this.staging.file(STATUS_LIST_PATH);
    file.write(`${JSON.stringify(credential, null, 2)}\n`);
    return file.close();
  }
}
