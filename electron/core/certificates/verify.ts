import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { certificatePayloadSchema, type Verification } from '../../../shared/accreditation/schema';
import { statusOn, type StoredStatus } from '../../../shared/accreditation/lifecycle';
import { CERTIFICATE_STATUS_LABELS } from '../../../shared/accreditation/vocabulary';
import { signedDocumentSchema, type SignedDocument } from '../../../shared/signing/format';
import { problemsFromZod, summariseProblems } from '../../../shared/validation/issues';
import { isoToday } from '../clock';
import type { CoreContext } from '../context';
import { AppError, messageOf } from '../errors';
import { extractPdfAttachment, CERTIFICATE_ATTACHMENT } from '../exports/pdf-attachment';
import { BADGE_KEYWORD, PNG_SIGNATURE, readITxt } from '../exports/png-itxt';
import { verifyBadge, type PublishedText } from '../credentials/verify-badge';
import { parseJsonText } from '../json-text';
import { parsePublicKeyPem, keyIdFor } from '../signing/keys';
import { signatureValid } from '../signing/documents';
import { trustedPublicKeys } from '../signing/keystore';

/** The status file a register publishes: every certificate ever issued with its current status. */
export const statusListPayloadSchema = z.object({
  type: z.literal('SPQAStatusList'),
  generatedAt: z.string(),
  issuer: z.object({ name: z.string(), keyId: z.string() }),
  certificates: z.array(
    z.object({
      number: z.string(),
      status: z.string(),
      statusDate: z.string().nullable(),
      expiresOn: z.string(),
    }),
  ),
});

type Check = Verification['checks'][number];

async function readCertificateJson(fileName: string, bytes: Buffer): Promise<unknown> {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    let text: string;
    try {
      text = readITxt(bytes, BADGE_KEYWORD);
    } catch (error) {
      throw new AppError('invalid_input', `${fileName}: ${messageOf(error)}`);
    }
    return parseJsonText(text, `${fileName} (baked ${BADGE_KEYWORD})`);
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const attached = await extractPdfAttachment(bytes, CERTIFICATE_ATTACHMENT, fileName);
    return parseJsonText(
      new TextDecoder('utf-8', { fatal: true }).decode(attached),
      `${fileName} (attached ${CERTIFICATE_ATTACHMENT})`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_input', `${fileName}: neither a PDF nor UTF-8 JSON`);
  }
  return parseJsonText(text, fileName);
}

/**
 * Checks a certificate file in four steps and says which failed: its form, its signature (by a
 * key this installation trusts, or one given with a register), its dates, and its current status
 * (from a register's status file, or this installation's own records). An Open Badge (JSON, or
 * baked into a PNG) is checked by verifyBadge instead.
 */
export async function verifyCertificateFile(
  ctx: CoreContext,
  input: {
    fileName: string;
    base64: string;
    statusFile?: PublishedText | undefined;
    didDocument?: PublishedText | undefined;
    statusLists?: PublishedText[] | undefined;
    publicKeys?: { source: string; pem: string }[] | undefined;
  },
): Promise<Verification> {
  const checks: Check[] = [];
  const fail = (check: Check['check'], detail: string): Verification => {
    checks.push({ check, ok: false, detail });
    return { valid: false, number: null, holder: null, checks };
  };

  let json: unknown;
  try {
    json = await readCertificateJson(input.fileName, Buffer.from(input.base64, 'base64'));
  } catch (error) {
    if (error instanceof AppError) return fail('format', error.message);
    throw error;
  }
  const keys = new Map<string, { name: string; key: KeyObject }>(trustedPublicKeys(ctx.db));
  const givenKeys = new Map<string, { name: string; key: KeyObject }>();
  for (const given of input.publicKeys ?? []) {
    const key = parsePublicKeyPem(given.pem, given.source);
    keys.set(keyIdFor(key), { name: given.source, key });
    givenKeys.set(keyIdFor(key), { name: given.source, key });
  }
  if (typeof json === 'object' && json !== null && '@context' in json)
    return verifyBadge(ctx, json, {
      didDocument: input.didDocument,
      statusLists: input.statusLists,
      statusWords: input.statusFile ? statusWords(input.statusFile, keys) : undefined,
      givenKeys,
    });
  const outer = signedDocumentSchema.safeParse(json);
  if (!outer.success)
    return fail(
      'format',
      `not a signed certificate: ${summariseProblems(problemsFromZod(outer.error))}`,
    );
  const payload = certificatePayloadSchema.safeParse(outer.data.payload);
  if (!payload.success)
    return fail(
      'format',
      `not a certificate: ${summariseProblems(problemsFromZod(payload.error))}`,
    );
  const doc = outer.data as SignedDocument;
  const cert = payload.data;
  checks.push({
    check: 'format',
    ok: true,
    detail: `certificate ${cert.number} for ${cert.holder.name}`,
  });
  const result = (): Verification => ({
    valid: checks.every((c) => c.ok),
    number: cert.number,
    holder: cert.holder.name,
    checks,
  });

  const signer = keys.get(doc.signature.keyId);
  if (!signer) {
    checks.push({
      check: 'signature',
      ok: false,
      detail: `signed with key ${doc.signature.keyId}, which is not this network's key or a key you trust`,
    });
    return result();
  }
  if (!signatureValid(doc, signer.key)) {
    checks.push({
      check: 'signature',
      ok: false,
      detail: `the signature does not match the content: the certificate was changed after it was signed`,
    });
    return result();
  }
  checks.push({
    check: 'signature',
    ok: true,
    detail: `signed by ${signer.name} (${doc.signature.keyId})`,
  });

  const today = isoToday(ctx.clock);
  if (today < cert.issuedOn)
    checks.push({ check: 'dates', ok: false, detail: `not valid until ${cert.issuedOn}` });
  else if (today > cert.expiresOn)
    checks.push({ check: 'dates', ok: false, detail: `expired on ${cert.expiresOn}` });
  else
    checks.push({
      check: 'dates',
      ok: true,
      detail: `valid from ${cert.issuedOn} to ${cert.expiresOn}`,
    });

  checks.push(
    statusCheck(ctx, {
      number: cert.number,
      expiresOn: cert.expiresOn,
      today,
      statusFile: input.statusFile,
      keys,
    }),
  );
  return result();
}

/** Each certificate's status in words, from a register's status.json signed by a key given or trusted. */
function statusWords(
  file: PublishedText,
  keys: Map<string, { name: string; key: KeyObject }>,
): Map<string, string> | undefined {
  let json: unknown;
  try {
    json = parseJsonText(file.text, file.fileName);
  } catch {
    return undefined;
  }
  const doc = signedDocumentSchema.safeParse(json);
  const signer = doc.success ? keys.get(doc.data.signature.keyId) : undefined;
  if (!doc.success || !signer || !signatureValid(doc.data, signer.key)) return undefined;
  const list = statusListPayloadSchema.safeParse(doc.data.payload);
  if (!list.success) return undefined;
  return new Map(
    list.data.certificates.map((c) => [c.number, statusLabel(c.status).toLowerCase()]),
  );
}

/** The status check's result: whether the certificate is in force, and why it is or is not. */
const statusResult = (ok: boolean, detail: string): Check => ({ check: 'status', ok, detail });

function statusCheck(
  ctx: CoreContext,
  {
    number,
    expiresOn,
    today,
    statusFile,
    keys,
  }: {
    number: string;
    expiresOn: string;
    today: string;
    statusFile: { fileName: string; text: string } | undefined;
    keys: Map<string, { name: string; key: KeyObject }>;
  },
): Check {
  if (statusFile) {
    let doc: SignedDocument;
    try {
      const parsed = signedDocumentSchema.safeParse(
        parseJsonText(statusFile.text, statusFile.fileName),
      );
      if (!parsed.success)
        return statusResult(false, `${statusFile.fileName} is not a signed status file`);
      doc = parsed.data;
    } catch (error) {
      return statusResult(false, messageOf(error));
    }
    const signer = keys.get(doc.signature.keyId);
    if (!signer || !signatureValid(doc, signer.key)) {
      return statusResult(
        false,
        `${statusFile.fileName} is not signed by a key you trust, so its statuses cannot be relied on`,
      );
    }
    const list = statusListPayloadSchema.safeParse(doc.payload);
    if (!list.success) return statusResult(false, `${statusFile.fileName} is not a status list`);
    const entry = list.data.certificates.find((c) => c.number === number);
    if (!entry) return statusResult(false, `${number} is not in ${statusFile.fileName}`);
    const status = entry.status === 'active' && today > entry.expiresOn ? 'expired' : entry.status;
    return status === 'active'
      ? statusResult(
          true,
          `active in ${statusFile.fileName} (published ${list.data.generatedAt.slice(0, 10)})`,
        )
      : statusResult(
          false,
          `${statusLabel(status)} according to ${statusFile.fileName}${entry.statusDate ? ` since ${entry.statusDate}` : ''}`,
        );
  }
  const row = ctx.db
    .prepare('SELECT status, expires_on, suspended_on FROM certificates WHERE number = ?')
    .get(number) as
    { status: StoredStatus; expires_on: string; suspended_on: string | null } | undefined;
  if (!row)
    return statusResult(
      true,
      'not checked: give a register (or its status file) to check the current status',
    );
  const status = statusOn(
    { status: row.status, expiresOn: row.expires_on || expiresOn, suspendedOn: row.suspended_on },
    today,
  );
  return status === 'active'
    ? statusResult(true, 'active in this installation’s records')
    : statusResult(false, `${statusLabel(status)} in this installation’s records`);
}

function statusLabel(status: string): string {
  return (CERTIFICATE_STATUS_LABELS as Record<string, string>)[status] ?? status;
}
