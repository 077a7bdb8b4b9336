import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Verification } from '../../../shared/accreditation/schema';
import { statusOn, type StoredStatus } from '../../../shared/accreditation/lifecycle';
import { CERTIFICATE_STATUS_LABELS } from '../../../shared/accreditation/vocabulary';
import { isoNow } from '../clock';
import type { CoreContext } from '../context';
import { messageOf } from '../errors';
import { parseJsonText } from '../json-text';
import { keyIdFor } from '../signing/keys';
import { networkPublicKeys, registerWebIssuer } from './badges';
import { isKnownContext, offlineDocumentLoader, VC_CONTEXT } from './contexts';
import { proofToCheck, signatureMatches, type JsonObject } from './data-integrity';
import { didWebDocument, resolveAssertionKey } from './dids';
import { bitOf } from './status-list';

type Check = Verification['checks'][number];

/** A file of a published register, as the caller read it. */
export interface PublishedText {
  fileName: string;
  text: string;
}

export interface BadgeInputs {
  /** The did:web document from a register folder. */
  didDocument?: PublishedText | undefined;
  /** The status list credentials from a register folder. */
  statusLists?: PublishedText[] | undefined;
  /** The register's own status.json, whose wording says why a bit is set. */
  statusWords?: Map<string, string> | undefined;
  /** Keys the caller vouches for (a register's public-key.pem and keys/), by key id. */
  givenKeys: Map<string, { name: string; key: KeyObject }>;
}

const statusEntrySchema = z.object({
  type: z.literal('BitstringStatusListEntry'),
  statusPurpose: z.enum(['suspension', 'revocation']),
  statusListIndex: z.string().regex(/^\d{1,9}$/, 'a status list index is a whole number'),
  statusListCredential: z.string().url(),
});

const badgeSchema = z.object({
  '@context': z.array(z.unknown()).min(1),
  type: z
    .array(z.string())
    .refine((t) => t.includes('VerifiableCredential'), 'the type must include VerifiableCredential')
    .refine(
      (t) => t.includes('OpenBadgeCredential') || t.includes('AchievementCredential'),
      'the type must include OpenBadgeCredential',
    ),
  issuer: z.union([z.string(), z.object({ id: z.string() })]),
  validFrom: z.string().datetime({ offset: true }),
  validUntil: z.string().datetime({ offset: true }).optional(),
  credentialSubject: z.object({
    licenseNumber: z.string().optional(),
    identifier: z
      .array(z.object({ identityType: z.string(), identityHash: z.string() }))
      .optional(),
  }),
  credentialStatus: statusEntrySchema.optional(),
});

const listSchema = z.object({
  '@context': z.array(z.unknown()),
  id: z.string(),
  type: z.array(z.string()).refine((t) => t.includes('BitstringStatusListCredential')),
  issuer: z.union([z.string(), z.object({ id: z.string() })]),
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  credentialSubject: z.object({
    type: z.literal('BitstringStatusList'),
    statusPurpose: z.union([z.string(), z.array(z.string())]),
    encodedList: z.string(),
  }),
});

const issuerId = (issuer: string | { id: string }) =>
  typeof issuer === 'string' ? issuer : issuer.id;

/** The first @context problem: SPQA reads only its bundled contexts, named by URL. */
function contextProblem(contexts: unknown[]): string | null {
  if (contexts[0] !== VC_CONTEXT) return `the first context must be ${VC_CONTEXT}`;
  for (const context of contexts) {
    if (typeof context !== 'string')
      return 'the credential defines terms of its own in an inline context';
    if (!isKnownContext(context))
      return `unknown context ${context}: only the contexts bundled with SPQA are accepted`;
  }
  return null;
}

/**
 * Checks an Open Badges 3.0 credential: its form (and its JSON-LD, in safe mode), the issuer's
 * key (did:key, or the did:web document), the Data Integrity proof, its dates and its status bit.
 * Each check names what failed, and checks after a failed form, issuer or proof are not made.
 */
export async function verifyBadge(
  ctx: CoreContext,
  json: unknown,
  inputs: BadgeInputs,
): Promise<Verification> {
  const checks: Check[] = [];
  let number: string | null = null;
  let holder: string | null = null;
  const result = (): Verification => ({
    valid: checks.every((c) => c.ok),
    number,
    holder,
    checks,
  });
  const fail = (check: Check['check'], detail: string) => {
    checks.push({ check, ok: false, detail });
    return result();
  };

  const parsed = badgeSchema.safeParse(json);
  if (!parsed.success)
    return fail(
      'format',
      `not an Open Badges 3.0 credential: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'the credential'}: ${i.message}`).join('; ')}`,
    );
  const badge = parsed.data;
  number = badge.credentialSubject.licenseNumber ?? null;
  holder =
    badge.credentialSubject.identifier?.find((i) => i.identityType === 'name')?.identityHash ??
    null;
  const contexts = contextProblem(badge['@context']);
  if (contexts) return fail('format', contexts);
  const loader = offlineDocumentLoader(ctx.resourcesDir);
  const toCheck = await proofToCheck(json as JsonObject, loader);
  if (typeof toCheck === 'string') return fail('format', toCheck);
  checks.push({
    check: 'format',
    ok: true,
    detail: `Open Badges 3.0 credential${number ? ` for certificate ${number}` : ''}; every term defined by its contexts`,
  });

  const issuer = issuerId(badge.issuer);
  const resolved = issuerKey(ctx, issuer, toCheck.proof.verificationMethod, inputs);
  if (typeof resolved === 'string') return fail('issuer', resolved);
  checks.push({ check: 'issuer', ok: true, detail: resolved.detail });

  if (!signatureMatches(toCheck, resolved.key))
    return fail(
      'proof',
      'the proof does not match the content: the credential was changed after it was signed',
    );
  checks.push({
    check: 'proof',
    ok: true,
    detail: `${toCheck.proof.cryptosuite} proof by ${toCheck.proof.verificationMethod}, made ${toCheck.proof.created}`,
  });

  const now = isoNow(ctx.clock);
  if (Date.parse(now) < Date.parse(badge.validFrom))
    checks.push({ check: 'dates', ok: false, detail: `not valid until ${badge.validFrom}` });
  else if (badge.validUntil && Date.parse(now) > Date.parse(badge.validUntil))
    checks.push({ check: 'dates', ok: false, detail: `expired on ${badge.validUntil}` });
  else
    checks.push({
      check: 'dates',
      ok: true,
      detail: `valid from ${badge.validFrom}${badge.validUntil ? ` to ${badge.validUntil}` : ''}`,
    });

  checks.push(
    await statusCheck(ctx, {
      entry: badge.credentialStatus,
      issuer,
      number,
      inputs,
      loader,
      now,
    }),
  );
  return result();
}

/** The key the issuer's DID gives the proof's verification method, and whose it is. */
function issuerKey(
  ctx: CoreContext,
  issuer: string,
  verificationMethod: string,
  inputs: BadgeInputs,
): { key: KeyObject; detail: string } | string {
  const own = registerWebIssuer(ctx.db);
  let didDocument: unknown;
  let source = '';
  if (issuer.startsWith('did:web:')) {
    if (inputs.didDocument) {
      try {
        didDocument = parseJsonText(inputs.didDocument.text, inputs.didDocument.fileName);
      } catch (error) {
        return messageOf(error);
      }
      source = inputs.didDocument.fileName;
    } else if (own?.did === issuer) {
      didDocument = didWebDocument(
        issuer,
        networkPublicKeys(ctx.db).map((k) => k.key),
      );
      source = 'this network’s own keys';
    }
  }
  const key = resolveAssertionKey(issuer, verificationMethod, didDocument);
  if (typeof key === 'string') return key;
  if (issuer.startsWith('did:web:'))
    return { key, detail: `${issuer}, its key listed in ${source}` };
  const keyId = keyIdFor(key);
  const known = ownOrTrusted(ctx, keyId) ?? inputs.givenKeys.get(keyId)?.name;
  if (!known)
    return `issued by ${issuer} (key ${keyId}), which is not this network’s key or a key you trust`;
  return { key, detail: `${issuer}, the key of ${known} (${keyId})` };
}

function ownOrTrusted(ctx: CoreContext, keyId: string): string | undefined {
  const own = ctx.db
    .prepare("SELECT 1 FROM signing_keys WHERE key_id = ? AND purpose = 'network'")
    .get(keyId);
  if (own) return 'this network';
  const trusted = ctx.db.prepare('SELECT name FROM trusted_keys WHERE key_id = ?').get(keyId) as
    { name: string } | undefined;
  return trusted?.name;
}

const statusResult = (ok: boolean, detail: string): Check => ({ check: 'status', ok, detail });

async function statusCheck(
  ctx: CoreContext,
  values: {
    entry: z.infer<typeof statusEntrySchema> | undefined;
    issuer: string;
    number: string | null;
    inputs: BadgeInputs;
    loader: ReturnType<typeof offlineDocumentLoader>;
    now: string;
  },
): Promise<Check> {
  const { entry, issuer, number, inputs } = values;
  if (entry && inputs.statusLists) {
    const found = inputs.statusLists
      .map((file) => {
        try {
          return { file, json: parseJsonText(file.text, file.fileName) };
        } catch {
          return { file, json: null };
        }
      })
      .find(
        ({ json }) =>
          typeof json === 'object' &&
          json !== null &&
          (json as { id?: unknown }).id === entry.statusListCredential,
      );
    if (!found)
      return statusResult(false, `the register holds no status list ${entry.statusListCredential}`);
    const name = found.file.fileName;
    const list = listSchema.safeParse(found.json);
    if (!list.success) return statusResult(false, `${name} is not a BitstringStatusListCredential`);
    const purposes = [list.data.credentialSubject.statusPurpose].flat();
    if (!purposes.includes(entry.statusPurpose))
      return statusResult(
        false,
        `${name} is a ${purposes.join('/')} list, not a ${entry.statusPurpose} list`,
      );
    if (issuerId(list.data.issuer) !== issuer)
      return statusResult(
        false,
        `${name} was issued by ${issuerId(list.data.issuer)}, not ${issuer}`,
      );
    const toCheck = await proofToCheck(found.json as JsonObject, values.loader);
    const key =
      typeof toCheck === 'string'
        ? toCheck
        : issuerKey(ctx, issuer, toCheck.proof.verificationMethod, inputs);
    if (
      typeof toCheck === 'string' ||
      typeof key === 'string' ||
      !signatureMatches(toCheck, key.key)
    )
      return statusResult(
        false,
        `the status list ${name} fails its own proof (${typeof toCheck === 'string' ? toCheck : typeof key === 'string' ? key : 'it was changed after it was signed'}), so its bits cannot be relied on`,
      );
    if (list.data.validUntil && Date.parse(values.now) > Date.parse(list.data.validUntil))
      return statusResult(false, `the status list ${name} expired on ${list.data.validUntil}`);
    const bit = bitOf(list.data.credentialSubject.encodedList, Number(entry.statusListIndex));
    if (typeof bit === 'string') return statusResult(false, `${name}: ${bit}`);
    const published = list.data.validFrom ? ` (published ${list.data.validFrom.slice(0, 10)})` : '';
    if (!bit)
      return statusResult(
        true,
        `in force: bit ${entry.statusListIndex} of ${name} is clear${published}`,
      );
    const words = number ? inputs.statusWords?.get(number) : undefined;
    return statusResult(
      false,
      `not in force: bit ${entry.statusListIndex} of the ${entry.statusPurpose} list ${name} is set${published}${words ? `; the register lists it as ${words}` : ''}`,
    );
  }
  const row = number
    ? (ctx.db
        .prepare('SELECT status, expires_on, suspended_on FROM certificates WHERE number = ?')
        .get(number) as
        { status: StoredStatus; expires_on: string; suspended_on: string | null } | undefined)
    : undefined;
  if (row) {
    const status = statusOn(
      { status: row.status, expiresOn: row.expires_on, suspendedOn: row.suspended_on },
      values.now.slice(0, 10),
    );
    return status === 'active'
      ? statusResult(true, 'active in this installation’s records')
      : statusResult(false, `${CERTIFICATE_STATUS_LABELS[status]} in this installation’s records`);
  }
  return statusResult(
    true,
    entry
      ? 'not checked: give the register folder (--register DIR) to read its status list'
      : 'not checked: the credential carries no status entry',
  );
}
