import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS } from '../../../shared/evidence/schema';
import {
  booleanOptions,
  CliFailure,
  type Command,
  flag,
  integerOption,
  pad,
  required,
  str,
  stringOptions,
  strs,
} from '../command';
import { messageOf } from '../../../shared/error-message';
import { EXIT } from '../exit-codes';

function describe(evidence: EvidenceRecord): string {
  const what =
    evidence.url ??
    `${evidence.originalName ?? ''} (${evidence.size ?? 0} bytes, ${evidence.mediaType ?? 'unknown type'})`;
  const dates = [
    evidence.effectiveDate ? `from ${evidence.effectiveDate}` : '',
    evidence.expiryDate ? `expires ${evidence.expiryDate}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${evidence.id}  ${evidence.title} [${evidence.kind}] ${what}${dates ? `; ${dates}` : ''}${evidence.criteria.length ? `; criteria ${evidence.criteria.join(', ')}` : ''}${
    evidence.sha256 ? `\n  sha256 ${evidence.sha256}` : ''
  }`;
}

/** Every regular file directly in a folder, in name order (hidden files left out). */
function filesInFolder(folder: string): string[] {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new CliFailure(`--folder ${folder} is not a folder`);
    names = readdirSync(folder);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw new CliFailure(
      `--folder ${folder}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : messageOf(error)}`,
    );
  }
  const files = names
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => join(folder, n))
    .filter((p) => statSync(p).isFile());
  if (files.length === 0) throw new CliFailure(`--folder ${folder} has no files in it`);
  return files;
}

export const evidenceCommands: Command[] = [
  {
    path: ['evidence', 'add'],
    summary: 'Attach files (or a folder, or a web link) to an assessment and its criteria',
    usage: `evidence add --assessment ID --criterion CODE [--criterion CODE ...] [--title T] [--kind ${EVIDENCE_KINDS.join('|')}] [--effective YYYY-MM-DD] [--expires YYYY-MM-DD] [--personal-data] [--retain-until YYYY-MM-DD] [--notes TEXT] [--folder DIR] [--link URL] FILE...`,
    options: {
      ...stringOptions(
        'assessment',
        'title',
        'kind',
        'effective',
        'expires',
        'retain-until',
        'notes',
        'folder',
      ),
      ...booleanOptions('personal-data'),
      criterion: { type: 'string', multiple: true },
      link: { type: 'string', multiple: true },
    },
    positionals: { min: 0, max: 1000 },
    async run(ctx, args) {
      const files = [...args.positionals];
      const folder = str(args, 'folder');
      if (folder) files.push(...filesInFolder(folder));
      for (const file of files) {
        try {
          if (statSync(file).isDirectory())
            throw new CliFailure(
              `${file} is a folder; use --folder ${file} to add every file in it`,
            );
        } catch (error) {
          if (error instanceof CliFailure) throw error;
          // Missing or unreadable files are reported by the core with the same message as the app.
        }
      }
      const links = strs(args, 'link');
      if (files.length + links.length === 0)
        throw new CliFailure('name at least one FILE, --folder or --link');
      const records = await ctx.call('evidence.add', {
        assessmentId: required(args, 'assessment'),
        criteria: strs(args, 'criterion'),
        sources: [
          ...files.map((f) => ({ kind: 'path' as const, path: resolve(f) })),
          ...links.map((url) => ({ kind: 'link' as const, url })),
        ],
        metadata: {
          title: str(args, 'title'),
          kind: str(args, 'kind') ?? 'other',
          effectiveDate: str(args, 'effective'),
          expiryDate: str(args, 'expires'),
          personalData: flag(args, 'personal-data'),
          retainUntil: str(args, 'retain-until'),
          notes: str(args, 'notes'),
        },
      });
      ctx.print(records, () => records.map(describe).join('\n'));
    },
  },
  {
    path: ['evidence', 'list'],
    summary: 'List the evidence attached to an assessment',
    usage: 'evidence list --assessment ID [--removed]',
    options: { ...stringOptions('assessment'), ...booleanOptions('removed') },
    async run(ctx, args) {
      const list = await ctx.call('evidence.list', {
        assessmentId: required(args, 'assessment'),
        includeRemoved: flag(args, 'removed'),
      });
      ctx.print(list, () =>
        list.length === 0
          ? 'no evidence'
          : pad([
              ['ID', 'TITLE', 'KIND', 'EXPIRES', 'CRITERIA', 'SHA-256 / LINK'],
              ...list.map((e) => [
                e.id,
                e.removedAt ? `${e.title} (removed)` : e.title,
                EVIDENCE_KIND_LABELS[e.kind],
                e.expiryDate ?? '—',
                e.criteria.join(' ') || '—',
                e.sha256 ?? e.url ?? '—',
              ]),
            ]),
      );
    },
  },
  {
    path: ['evidence', 'verify'],
    summary: 'Rehash every stored evidence file; exit 3 if any is missing or altered',
    usage: 'evidence verify',
    async run(ctx) {
      const report = await ctx.call('evidence.verify', {});
      ctx.print(report, () =>
        [
          report.ok
            ? `all ${report.checked} stored files are intact (${report.bytes} bytes checked)`
            : `${report.missing.length} missing and ${report.altered.length} altered of ${report.checked} stored files`,
          ...report.missing.map(
            (m) => `  missing  ${m.sha256}  (evidence ${m.evidenceIds.join(', ')})`,
          ),
          ...report.altered.map(
            (a) =>
              `  altered  ${a.sha256}  now hashes to ${a.actual}  (evidence ${a.evidenceIds.join(', ')})`,
          ),
          ...(report.orphans > 0
            ? [
                `${report.orphans} stored files belong to no evidence; remove them with: spqa evidence remove-orphans`,
              ]
            : []),
        ].join('\n'),
      );
      return report.ok ? EXIT.ok : EXIT.verificationFailed;
    },
  },
  {
    path: ['evidence', 'remove'],
    summary:
      'Remove a piece of evidence: the file goes, a tombstone records what, when, by whom and why',
    usage: 'evidence remove ID --reason TEXT',
    options: stringOptions('reason'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const result = await ctx.call('evidence.remove', {
        id: args.positionals[0],
        reason: required(args, 'reason'),
      });
      ctx.print(result, () =>
        result.fileDeleted
          ? `removed ${result.record.id}; its file was deleted`
          : result.sharedWith.length > 0
            ? `removed ${result.record.id}; its file is kept because ${result.sharedWith.join(', ')} also use it`
            : `removed ${result.record.id}`,
      );
    },
  },
  {
    path: ['evidence', 'remove-orphans'],
    summary: 'Delete stored files that no evidence record uses',
    usage: 'evidence remove-orphans',
    async run(ctx) {
      const result = await ctx.call('evidence.removeOrphans', {});
      ctx.print(
        result,
        () => `deleted ${result.removedFiles} files (${result.removedBytes} bytes)`,
      );
    },
  },
  {
    path: ['evidence', 'retention'],
    summary: 'List evidence kept past its retain-until date',
    usage: 'evidence retention',
    async run(ctx) {
      const result = await ctx.call('evidence.retention', {});
      ctx.print(result, () =>
        result.items.length === 0
          ? `nothing is past its retain-until date on ${result.onDate}`
          : pad([
              ['ID', 'PROVIDER', 'TITLE', 'RETAIN UNTIL', 'PERSONAL DATA'],
              ...result.items.map((e) => [
                e.id,
                e.providerName,
                e.title,
                e.retainUntil ?? '',
                e.personalData ? 'yes' : 'no',
              ]),
            ]),
      );
    },
  },
  {
    path: ['evidence', 'expiring'],
    summary: 'List criteria that rely on evidence expiring soon',
    usage: 'evidence expiring [--days N]',
    options: stringOptions('days'),
    async run(ctx, args) {
      const days = integerOption(args, 'days') ?? 30;
      const result = await ctx.call('evidence.expiring', { withinDays: days });
      ctx.print(result, () =>
        result.items.length === 0
          ? 'no criterion relies on evidence expiring soon'
          : [
              `${result.criteria} criteria rely on evidence expiring within ${days} days`,
              pad([
                ['PROVIDER', 'CRITERION', 'EVIDENCE', 'EXPIRES'],
                ...result.items.map((i) => [i.providerName, i.criterion, i.title, i.expiryDate]),
              ]),
            ].join('\n'),
      );
    },
  },
];
