import { CERTIFICATE_STATUS_LABELS } from '../../../shared/accreditation/vocabulary';
import type { RegisterDiff } from '../../../shared/contract/register';
import { REGISTER_FORMATS, type RegisterFormat } from '../../../shared/register/schema';
import { readTextFile } from '../../core/files/read-text';
import {
  booleanOptions,
  CliFailure,
  type Command,
  flag,
  pad,
  str,
  stringOptions,
} from '../command';
import { EXIT } from '../exit-codes';
import { PASSPHRASE_SOURCE, readPassphrase } from '../passphrase';
import { FILE_LIMITS } from '../../../shared/limits';

function parseFormats(raw: string | undefined): RegisterFormat[] {
  if (raw === undefined) return [...REGISTER_FORMATS];
  const formats = raw
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(REGISTER_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0)
    throw new CliFailure(
      `--formats takes a comma-separated list of ${REGISTER_FORMATS.join(', ')}${unknown.length > 0 ? `; not "${unknown.join('", "')}"` : ''}`,
    );
  return formats as RegisterFormat[];
}

const KIND_LABELS: Record<RegisterDiff['changes'][number]['kind'], string> = {
  new: 'new',
  suspended: 'suspended',
  reinstated: 'reinstated',
  withdrawn: 'withdrawn',
  expired: 'expired',
  superseded: 'superseded',
  'capacity-changed': 'capacity changed',
  removed: 'removed',
};

export const registerCommands: Command[] = [
  {
    path: ['register', 'configure'],
    summary:
      'Record the https address the register is published at: its badges then get a did:web issuer and a status entry',
    usage:
      'register configure [--base-url https://… | --no-base-url]   (neither: show the current one)',
    options: { ...stringOptions('base-url'), ...booleanOptions('no-base-url') },
    async run(ctx, args) {
      const baseUrl = str(args, 'base-url');
      const forget = flag(args, 'no-base-url');
      if (baseUrl !== undefined && forget)
        throw new CliFailure('give --base-url or --no-base-url, not both');
      const { webAddress } =
        baseUrl === undefined && !forget
          ? await ctx.call('register.status', {})
          : await ctx.call('register.configure', { baseUrl: forget ? null : baseUrl });
      ctx.print({ webAddress }, () =>
        webAddress
          ? [
              `web address: ${webAddress.baseUrl}`,
              `issuer:      ${webAddress.did}`,
              `register build writes its DID document to ${webAddress.didDocumentPath}; publish the folder at that address`,
            ].join('\n')
          : 'no web address: badges are issued by the network key’s did:key and carry no status entry',
      );
    },
  },
  {
    path: ['register', 'build'],
    summary:
      'Publish the register into a folder: JSON, CSV, Open Referral UK, a searchable web page, the signed status list and manifest',
    usage: `register build OUTDIR [--formats ${REGISTER_FORMATS.join(',')}]   ${PASSPHRASE_SOURCE}`,
    options: stringOptions('formats'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const formats = parseFormats(str(args, 'formats'));
      const outDir = args.positionals[0] ?? '';
      const result = await ctx.call('register.build', {
        outDir,
        formats,
        passphrase: await readPassphrase(ctx.env, 'register build'),
      });
      ctx.print(result, () =>
        [
          `published ${result.entries} certificate${result.entries === 1 ? '' : 's'} to ${result.outDir} in ${result.durationMs} ms`,
          `  ${result.statusCounts
            .filter((s) => s.count > 0)
            .map((s) => `${s.count} ${CERTIFICATE_STATUS_LABELS[s.status].toLowerCase()}`)
            .join(', ')}`,
          ...result.files.map((f) => `  ${f.path}  ${f.bytes} bytes  sha256 ${f.sha256}`),
        ].join('\n'),
      );
    },
  },
  {
    path: ['register', 'verify'],
    summary:
      'Check a published register: the signed manifest, every file’s hash, the status list and register.json; exit 3 on any mismatch',
    usage: 'register verify DIR [--key PUBLIC_KEY.pem]',
    options: stringOptions('key'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const keyFile = str(args, 'key');
      const verdict = await ctx.call('register.verify', {
        dir: args.positionals[0] ?? '',
        ...(keyFile ? { publicKeyPem: readTextFile(keyFile, FILE_LIMITS.publicKey) } : {}),
      });
      ctx.print(verdict, () =>
        [
          verdict.ok
            ? `VALID: ${verdict.dir} (published ${verdict.generatedAt ?? 'unknown'}, key ${verdict.keyId ?? 'unknown'})`
            : `NOT VALID: ${verdict.dir}`,
          ...verdict.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.file}: ${c.detail}`),
        ].join('\n'),
      );
      if (!verdict.ok && !ctx.json) {
        const failed = verdict.checks.filter((c) => !c.ok).map((c) => c.file);
        ctx.stderr(`spqa: the register does not verify: ${[...new Set(failed)].join(', ')}`);
      }
      return verdict.ok ? EXIT.ok : EXIT.verificationFailed;
    },
  },
  {
    path: ['register', 'diff'],
    summary:
      'What changed between two publications: new, suspended, reinstated, withdrawn, expired, capacity changed',
    usage: 'register diff OLD NEW   (publication folders or register.json files)',
    positionals: { min: 2, max: 2 },
    async run(ctx, args) {
      const diff = await ctx.call('register.diff', {
        old: args.positionals[0] ?? '',
        new: args.positionals[1] ?? '',
      });
      ctx.print(diff, () =>
        diff.changes.length === 0
          ? `no changes between ${diff.old.generatedAt} and ${diff.new.generatedAt}`
          : [
              `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'} between ${diff.old.generatedAt} and ${diff.new.generatedAt}`,
              pad([
                ['CHANGE', 'CERTIFICATE', 'HOLDER', 'DETAIL'],
                ...diff.changes.map((c) => [
                  KIND_LABELS[c.kind],
                  c.certificateNumber,
                  c.holder,
                  c.detail,
                ]),
              ]),
            ].join('\n'),
      );
    },
  },
];
