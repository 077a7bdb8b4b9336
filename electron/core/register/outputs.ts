import { sign, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { CertificateStatus } from '../../../shared/accreditation/vocabulary';
import {
  PUBLICATION_FILES,
  type RegisterEntry,
  registerSchema,
} from '../../../shared/register/schema';
import { canonicalJson } from '../../../shared/signing/canonical-json';
import { toBase64Url } from '../../../shared/signing/format';
import { signDocument } from '../signing/documents';
import type { FileOpener, FileWriter, StagingFolder, WrittenFile } from './staging';

/**
 * What each output does with the register: take it a chunk at a time, then finish its files.
 * A writer on another thread takes chunks as they come and is waited for at the end.
 */
export interface OutputWriter {
  add(entries: readonly RegisterEntry[]): void;
  finish(): WrittenFile[] | Promise<WrittenFile[]>;
}

export function registerJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(registerSchema, { target: 'draft-2020-12' }),
    $id: PUBLICATION_FILES.registerSchema,
  };
}

/**
 * register.json, one entry per line, and register.schema.json generated from the same zod schema
 * that checks it.
 */
export class RegisterJsonWriter implements OutputWriter {
  private readonly out: FileWriter;
  private readonly schema: WrittenFile;
  private first = true;

  constructor(
    staging: FileOpener,
    header: { generatedAt: string; network: { name: string; keyId: string } },
  ) {
    const schema = staging.file(PUBLICATION_FILES.registerSchema);
    schema.write(`${JSON.stringify(registerJsonSchema(), null, 2)}\n`);
    this.schema = schema.close();
    this.out = staging.file(PUBLICATION_FILES.register);
    const head = JSON.stringify({
      type: 'SPQARegister',
      formatVersion: 1,
      generatedAt: header.generatedAt,
      network: header.network,
    });
    this.out.write(`${head.slice(0, -1)},"entries":[`);
  }

  add(entries: readonly RegisterEntry[]): void {
    for (const entry of entries) {
      this.out.write(`${this.first ? '\n' : ',\n'}${JSON.stringify(entry)}`);
      this.first = false;
    }
  }

  finish(): WrittenFile[] {
    this.out.write('\n]}\n');
    return [this.out.close(), this.schema];
  }
}

interface StatusListEntry {
  number: string;
  status: CertificateStatus;
  statusDate: string | null;
  expiresOn: string;
  supersededBy: string | null;
}

/**
 * status.json: the signed SPQAStatusList of every certificate ever issued (the form
 * `certificate verify --register DIR` reads), one certificate per line. The signature covers the
 * RFC 8785 canonical form of the payload, which is gathered alongside and signed at the end.
 */
export class StatusListWriter implements OutputWriter {
  private readonly out: FileWriter;
  private readonly canonical: string[] = [];
  private first = true;

  constructor(
    staging: FileOpener,
    private readonly values: {
      generatedAt: string;
      issuer: { name: string; keyId: string };
      privateKey: KeyObject;
    },
  ) {
    this.out = staging.file(PUBLICATION_FILES.statusList);
    const head = JSON.stringify({
      type: 'SPQAStatusList',
      generatedAt: values.generatedAt,
      issuer: values.issuer,
    });
    this.out.write(`{"payload":${head.slice(0, -1)},"certificates":[`);
  }

  add(entries: readonly RegisterEntry[]): void {
    for (const entry of entries) {
      const item: StatusListEntry = {
        number: entry.certificateNumber,
        status: entry.status,
        statusDate: entry.statusDate,
        expiresOn: entry.expiresOn,
        supersededBy: entry.supersededBy,
      };
      this.out.write(this.first ? '\n' : ',\n');
      this.out.write(JSON.stringify(item));
      this.first = false;
      // Canonical form written out for this fixed shape: keys in code-unit order, JSON values.
      this.canonical.push(
        `{"expiresOn":${JSON.stringify(item.expiresOn)},"number":${JSON.stringify(item.number)},` +
          `"status":${JSON.stringify(item.status)},"statusDate":${JSON.stringify(item.statusDate)},` +
          `"supersededBy":${JSON.stringify(item.supersededBy)}}`,
      );
    }
  }

  finish(): WrittenFile[] {
    // The payload's keys in canonical order: certificates, generatedAt, issuer, type.
    const payload =
      `{"certificates":[${this.canonical.join(',')}],` +
      `"generatedAt":${canonicalJson(this.values.generatedAt)},` +
      `"issuer":${canonicalJson(this.values.issuer)},"type":"SPQAStatusList"}`;
    const value = toBase64Url(sign(null, Buffer.from(payload, 'utf8'), this.values.privateKey));
    const signature = { alg: 'Ed25519', keyId: this.values.issuer.keyId, value };
    this.out.write(`\n]},\n"signature":${JSON.stringify(signature)}}\n`);
    return [this.out.close()];
  }
}

/** manifest.json: every other file with its SHA-256 and size, signed. */
export function writeManifest(
  staging: StagingFolder,
  values: {
    generatedAt: string;
    issuer: { name: string; keyId: string };
    privateKey: KeyObject;
  },
  files: readonly WrittenFile[],
): WrittenFile {
  const payload = {
    type: 'SPQARegisterManifest',
    formatVersion: 1,
    generatedAt: values.generatedAt,
    issuer: values.issuer,
    files: [...files]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes })),
  };
  const out = staging.file(PUBLICATION_FILES.manifest);
  out.write(
    `${JSON.stringify(signDocument(payload, values.privateKey, values.issuer.keyId), null, 2)}\n`,
  );
  return out.close();
}
