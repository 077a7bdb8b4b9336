import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CERTIFICATE_STATUSES,
  CERTIFICATE_STATUS_LABELS,
} from '../../../shared/accreditation/vocabulary';
import type { Certificate, Verification } from '../../../shared/accreditation/schema';
import { readTextFile } from '../../core/files/read-text';
import { writeFileAtomic } from '../../core/files/write-file';
import { invalid } from '../../core/errors';
import {
  CliFailure,
  type Command,
  megabytes,
  pad,
  required,
  str,
  stringOptions,
  strs,
} from '../command';
import { PASSPHRASE_SOURCE, readPassphrase } from '../passphrase';
import { FILE_LIMITS } from '../../../shared/limits';
import { EXIT } from '../exit-codes';
import { PUBLICATION_FILES } from '../../../shared/register/schema';
import { STATUS_LIST_PATH } from '../../../shared/credentials/web-address';

function describe(
  certificate: Pick<Certificate, 'number' | 'holderName' | 'status' | 'issuedOn' | 'expiresOn'>,
): string {
  const { number, holderName, status, issuedOn, expiresOn } = certificate;
  return `${number}  ${holderName}  ${CERTIFICATE_STATUS_LABELS[status]}  ${issuedOn} to ${expiresOn}`;
}

function readBinary(path: string): Buffer {
  if (!existsSync(path)) throw invalid(`${path}: no such file`);
  const bytes = readFileSync(path);
  if (bytes.length > FILE_LIMITS.certificate)
    throw invalid(`${path} is too large to be a certificate`);
  return bytes;
}

/** A file of the register folder, read whole, or undefined if it has none at that path. */
function publishedText(dir: string, path: string) {
  const file = join(dir, ...path.split('/'));
  return existsSync(file)
    ? { fileName: file, text: readTextFile(file, FILE_LIMITS.statusList) }
    : undefined;
}

/**
 * A published register folder gives the network's public key(s) and the status of every
 * certificate; for badges also its did:web document and its status list credential.
 */
function registerInputs(dir: string) {
  if (!existsSync(dir)) throw invalid(`--register ${dir}: no such folder`);
  const statusPath = join(dir, PUBLICATION_FILES.statusList);
  if (!existsSync(statusPath))
    throw invalid(`--register ${dir}: it has no ${PUBLICATION_FILES.statusList}`);
  const didDocument = publishedText(dir, 'did.json') ?? publishedText(dir, '.well-known/did.json');
  const statusList = publishedText(dir, STATUS_LIST_PATH);
  const otherKeys = join(dir, PUBLICATION_FILES.otherKeys);
  const keyFiles = [
    join(dir, PUBLICATION_FILES.publicKey),
    ...(existsSync(otherKeys) ? readdirSync(otherKeys).map((name) => join(otherKeys, name)) : []),
  ].filter((p) => p.endsWith('.pem') && existsSync(p));
  return {
    statusFile: { fileName: statusPath, text: readTextFile(statusPath, FILE_LIMITS.statusList) },
    publicKeys: keyFiles.map((p) => ({ source: p, pem: readTextFile(p, FILE_LIMITS.publicKey) })),
    ...(didDocument ? { didDocument } : {}),
    ...(statusList ? { statusLists: [statusList] } : {}),
  };
}

function lifecycleCommand(action: 'suspend' | 'reinstate' | 'withdraw', summary: string): Command {
  return {
    path: ['certificate', action],
    summary,
    usage: `certificate ${action} NUMBER --reason TEXT`,
    options: stringOptions('reason'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const method = `certificates.${action}` as const;
      const cert = await ctx.call(method, {
        number: args.positionals[0],
        reason: required(args, 'reason'),
      });
      ctx.print(cert, () => describe(cert));
    },
  };
}

export const certificateCommands: Command[] = [
  {
    path: ['keys', 'init'],
    summary:
      'Create the network’s Ed25519 signing key, its private half encrypted under a passphrase',
    usage: `keys init   ${PASSPHRASE_SOURCE}`,
    async run(ctx) {
      const result = await ctx.call('keys.init', {
        passphrase: await readPassphrase(ctx.env, 'keys init'),
      });
      ctx.print(result, () =>
        result.created
          ? `created signing key ${result.keyId}`
          : `the signing key already exists: ${result.keyId}`,
      );
    },
  },
  {
    path: ['keys', 'export-public'],
    summary: 'Write the network’s public key (PEM, SPKI) for others to verify with',
    usage: 'keys export-public FILE',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const key = await ctx.call('keys.exportPublic', {});
      const file = args.positionals[0] ?? '';
      writeFileAtomic(file, Buffer.from(key.pem));
      ctx.print({ ...key, file }, () => `wrote ${file} (key id ${key.keyId})`);
    },
  },
  {
    path: ['certificate', 'issue'],
    summary: 'Issue the signed certificate for an accredited decision; prints its number',
    usage: `certificate issue --assessment ID   ${PASSPHRASE_SOURCE}`,
    options: stringOptions('assessment'),
    async run(ctx, args) {
      const assessmentId = required(args, 'assessment');
      const cert = await ctx.call('certificates.issue', {
        assessmentId,
        passphrase: await readPassphrase(ctx.env, 'certificate issue'),
      });
      ctx.print(cert, () => cert.number);
    },
  },
  {
    path: ['certificate', 'reissue'],
    summary:
      'Reissue a certificate (e.g. corrected details) with a revision suffix; the old one is superseded',
    usage: 'certificate reissue NUMBER --reason TEXT',
    options: stringOptions('reason'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const reason = required(args, 'reason');
      const cert = await ctx.call('certificates.reissue', {
        number: args.positionals[0],
        reason,
        passphrase: await readPassphrase(ctx.env, 'certificate reissue'),
      });
      ctx.print(cert, () => cert.number);
    },
  },
  {
    path: ['certificate', 'list'],
    summary: 'List certificates with their current status',
    usage: 'certificate list [--provider ID]',
    options: stringOptions('provider'),
    async run(ctx, args) {
      const list = await ctx.call('certificates.list', { providerId: str(args, 'provider') });
      ctx.print(list, () =>
        list.length === 0
          ? 'no certificates'
          : pad([
              ['NUMBER', 'HOLDER', 'STATUS', 'ISSUED', 'EXPIRES'],
              ...list.map((c) => [
                c.number,
                c.holderName,
                CERTIFICATE_STATUS_LABELS[c.status],
                c.issuedOn,
                c.expiresOn,
              ]),
            ]),
      );
    },
  },
  {
    path: ['certificate', 'show'],
    summary: 'Show a certificate and its status history',
    usage: 'certificate show NUMBER',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const cert = await ctx.call('certificates.get', { number: args.positionals[0] });
      ctx.print(cert, () =>
        [
          describe(cert),
          ...cert.events.map(
            (e) =>
              `  ${e.at}  ${e.action}  ${e.fromStatus ?? '—'} -> ${e.toStatus}${e.reason ? `  (${e.reason})` : ''}  by ${e.actor}`,
          ),
        ].join('\n'),
      );
    },
  },
  lifecycleCommand('suspend', 'Suspend a certificate (the holder must stop claiming it)'),
  lifecycleCommand('reinstate', 'Reinstate a suspended certificate (within the suspension limit)'),
  lifecycleCommand('withdraw', 'Withdraw a certificate for good'),
  {
    path: ['certificate', 'export'],
    summary:
      'Write a certificate as PDF or signed JSON, or its signed Open Badges 3.0 credential (JSON, or in a PNG badge)',
    usage: `certificate export NUMBER [--pdf FILE] [--json FILE] [--badge FILE] [--badge-image FILE.png]   ${PASSPHRASE_SOURCE}`,
    options: stringOptions('pdf', 'json', 'badge', 'badge-image'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const number = args.positionals[0] ?? '';
      const documents = (['pdf', 'json'] as const).filter((f) => str(args, f));
      const badges = (['badge', 'badge-image'] as const).filter((f) => str(args, f));
      if (documents.length + badges.length === 0)
        throw new CliFailure(
          'name at least one of --pdf FILE, --json FILE, --badge FILE, --badge-image FILE',
        );
      const written: { format: string; file: string }[] = [];
      let withoutStatus = false;
      for (const format of documents) {
        const file = str(args, format) ?? '';
        const rendered = await ctx.call('certificates.render', { number, format });
        writeFileAtomic(file, Buffer.from(rendered.base64, 'base64'));
        written.push({ format, file });
      }
      const passphrase = badges.length > 0 ? await readPassphrase(ctx.env, 'badge') : '';
      for (const option of badges) {
        const file = str(args, option) ?? '';
        const badge = await ctx.call('certificates.badge', {
          number,
          passphrase,
          format: option === 'badge' ? 'json' : 'png',
        });
        writeFileAtomic(file, Buffer.from(badge.base64, 'base64'));
        written.push({ format: option, file });
        withoutStatus ||= badge.statusIndex === null;
      }
      ctx.print(written, () => written.map((w) => `wrote ${w.file} (${w.format})`).join('\n'));
      if (withoutStatus)
        ctx.stderr(
          `spqa: note: the badge carries no status entry, so a suspension or withdrawal of ${number} cannot reach it; record the register's web address with \`spqa register configure --base-url https://…\`, publish the register, and export the badge again`,
        );
    },
  },
  {
    path: ['certificate', 'export-pdfs'],
    summary:
      'Write certificates as PDFs, one NUMBER.pdf each, into a folder (rendered on every core)',
    usage:
      'certificate export-pdfs FOLDER [--status STATUS]... [--number NUMBER]...   (default: every certificate)',
    options: {
      status: { type: 'string', multiple: true },
      number: { type: 'string', multiple: true },
    },
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const statuses = strs(args, 'status').flatMap((s) => s.split(',').map((x) => x.trim()));
      const unknown = statuses.find(
        (s) => !(CERTIFICATE_STATUSES as readonly string[]).includes(s),
      );
      if (unknown !== undefined)
        throw new CliFailure(
          `--status ${unknown}: not a certificate status; use ${CERTIFICATE_STATUSES.join(', ')}`,
        );
      const numbers = strs(args, 'number');
      if (statuses.length > 0 && numbers.length > 0)
        throw new CliFailure('choose certificates by --status or by --number, not both');
      const result = await ctx.call('certificates.exportPdfs', {
        // A folder named on the command line is relative to where the command runs.
        folder: resolve(args.positionals[0] ?? ''),
        ...(statuses.length > 0 ? { statuses } : {}),
        ...(numbers.length > 0 ? { numbers } : {}),
      });
      ctx.print(
        result,
        () =>
          `wrote ${result.files} certificate PDF${result.files === 1 ? '' : 's'} (${megabytes(result.bytes)}) into ${result.folder}`,
      );
    },
  },
  {
    path: ['certificate', 'verify'],
    summary:
      'Check a certificate (PDF, JSON) or Open Badge (JSON, PNG): signature, dates, with a register the status; exit 3 if not valid',
    usage: 'certificate verify FILE [--register DIR]',
    options: stringOptions('register'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const file = args.positionals[0] ?? '';
      const register = str(args, 'register');
      const verdict: Verification = await ctx.call('certificates.verify', {
        fileName: file,
        base64: readBinary(file).toString('base64'),
        ...(register ? registerInputs(register) : {}),
      });
      ctx.print(verdict, () =>
        [
          verdict.valid
            ? `VALID: ${verdict.number} (${verdict.holder})`
            : `NOT VALID${verdict.number ? `: ${verdict.number}` : ''}`,
          ...verdict.checks.map(
            (c) => `  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.check.padEnd(9)} ${c.detail}`,
          ),
        ].join('\n'),
      );
      return verdict.valid ? EXIT.ok : EXIT.verificationFailed;
    },
  },
  {
    path: ['report', 'export'],
    summary:
      'Write an assessment report PDF (summary, domain results, findings, evidence with hashes)',
    usage: 'report export ASSESSMENT_ID --pdf FILE',
    options: stringOptions('pdf'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const file = required(args, 'pdf');
      const rendered = await ctx.call('reports.render', { assessmentId: args.positionals[0] });
      writeFileAtomic(file, Buffer.from(rendered.base64, 'base64'));
      ctx.print({ file }, () => `wrote ${file}`);
    },
  },
];
