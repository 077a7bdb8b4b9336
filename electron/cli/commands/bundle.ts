import { resolve } from 'node:path';
import {
  BUNDLE_EXTENSION,
  PREVIEW_STATUS_LABELS,
  RECORD_KIND_LABELS,
  type BundlePreview,
} from '../../../shared/bundles/schema';
import {
  booleanOptions,
  CliFailure,
  type Command,
  flag,
  megabytes,
  pad,
  required,
  stringOptions,
} from '../command';
import { PASSPHRASE_SOURCE, readPassphrase } from '../passphrase';
import { EXIT } from '../exit-codes';
import { ASSESSMENT_KIND_LABELS } from '../../../shared/assessment/schema';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : megabytes(bytes);

/** The preview as a person reads it: who sent it, what it holds, and every record that would change. */
function describePreview(preview: BundlePreview): string {
  const shown = preview.items.filter((i) => i.status !== 'unchanged' || i.detail);
  const lines = [
    `bundle from ${preview.sender.name}, signed with ${preview.sender.keyId} (trusted as “${preview.sender.trustedAs}”), made ${preview.createdAt.slice(0, 10)} by ${preview.createdBy}`,
    `${ASSESSMENT_KIND_LABELS[preview.subject.kind]} of ${preview.subject.providerName} (${preview.subject.assessmentId}), revision ${preview.subject.revision}; framework ${preview.framework.id}@${preview.framework.version}${preview.framework.installed ? '' : ' (not installed here; installed from the bundle)'}`,
    `evidence files: ${preview.evidenceFiles.included} included (${size(preview.evidenceFiles.bytes)})${preview.evidenceFiles.leftOut > 0 ? `, ${preview.evidenceFiles.leftOut} left out as personal data` : ''}`,
  ];
  if (shown.length > 0) {
    lines.push(
      '',
      pad([
        ['STATUS', 'RECORD', 'ID', 'NAME', 'DETAIL'],
        ...shown.map((i) => [
          PREVIEW_STATUS_LABELS[i.status].toLowerCase(),
          RECORD_KIND_LABELS[i.kind].toLowerCase(),
          i.id,
          i.label,
          i.detail ?? '',
        ]),
      ]),
    );
  }
  lines.push(
    '',
    `${preview.counts.new} new, ${preview.counts.changed} changed, ${preview.counts.unchanged} unchanged, ${preview.counts.conflict} in conflict`,
  );
  for (const warning of preview.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

export const bundleCommands: Command[] = [
  {
    path: ['bundle', 'export'],
    summary:
      'Write an assessment with its provider, ratings, findings, decision, certificates and evidence to one signed .spqa bundle',
    usage: `bundle export --assessment ID FILE.spqa [--include-personal-data]   ${PASSPHRASE_SOURCE}`,
    options: { ...stringOptions('assessment'), ...booleanOptions('include-personal-data') },
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const assessmentId = required(args, 'assessment');
      const file = resolve(args.positionals[0] ?? '');
      if (!file.toLowerCase().endsWith(BUNDLE_EXTENSION))
        throw new CliFailure(
          `a bundle file name ends in ${BUNDLE_EXTENSION} (not ${args.positionals[0]})`,
        );
      const result = await ctx.call('bundles.export', {
        assessmentId,
        includePersonalData: flag(args, 'include-personal-data'),
        passphrase: await readPassphrase(ctx.env, 'bundle export'),
        file,
      });
      ctx.print(result, () =>
        [
          `wrote ${result.file ?? file} (${size(result.size)}), signed with ${result.keyId}`,
          `sha256 ${result.sha256}`,
          `evidence files: ${result.evidenceFiles.included} included${
            result.evidenceFiles.leftOut > 0
              ? `, ${result.evidenceFiles.leftOut} left out as personal data (add --include-personal-data to send them)`
              : ''
          }`,
        ].join('\n'),
      );
    },
  },
  {
    path: ['bundle', 'import'],
    summary:
      'Import a .spqa bundle signed by a trusted key: checked in full, previewed, then applied all or nothing',
    usage: 'bundle import FILE.spqa [--dry-run]',
    options: booleanOptions('dry-run'),
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const source = { kind: 'path' as const, path: resolve(args.positionals[0] ?? '') };
      if (flag(args, 'dry-run')) {
        const preview = await ctx.call('bundles.preview', { source });
        ctx.print(preview, () =>
          [
            describePreview(preview),
            preview.canApply
              ? preview.nothingToImport
                ? 'nothing to import: every record in the bundle is already here'
                : 'dry run: nothing was changed'
              : 'dry run: this bundle cannot be imported (see the conflicts above)',
          ].join('\n'),
        );
        if (!preview.canApply) {
          for (const problem of preview.problems) ctx.stderr(`spqa: conflict: ${problem}`);
          return EXIT.invalid;
        }
        return EXIT.ok;
      }
      const result = await ctx.call('bundles.import', { source });
      ctx.print(result, () => `${describePreview(result.preview)}\n${result.message}`);
      return EXIT.ok;
    },
  },
];
