import { parseFrameworkKey } from '../../../shared/framework/schema';
import { parseFrameworkText } from '../../core/frameworks/parse';
import { readTextFile } from '../../core/files/read-text';
import { pad, type Command } from '../command';
import { FILE_LIMITS } from '../../../shared/limits';

/** The framework file named on the command line, read as text within the size limit. */
function frameworkFile(positionals: readonly string[]): { file: string; text: string } {
  const file = positionals[0] ?? '';
  return { file, text: readTextFile(file, FILE_LIMITS.framework) };
}

export const frameworkCommands: Command[] = [
  {
    path: ['framework', 'list'],
    summary: 'List the installed framework versions',
    usage: 'framework list',
    async run(ctx) {
      const list = await ctx.call('frameworks.list', {});
      ctx.print(list, () =>
        pad([
          ['ID', 'VERSION', 'STANDARDS', 'CRITERIA', 'TITLE'],
          ...list.map((f) => [f.id, f.version, String(f.standards), String(f.criteria), f.title]),
        ]),
      );
    },
  },
  {
    path: ['framework', 'show'],
    summary: 'Show a framework’s domains, standards and criteria',
    usage: 'framework show ID[@VERSION]',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const { id, version } = parseFrameworkKey(args.positionals[0] ?? '');
      const { framework, summary } = await ctx.call(
        'frameworks.get',
        version ? { id, version } : { id },
      );
      ctx.print(framework, () => {
        const lines = [
          `${framework.title} (${summary.id}@${summary.version}), ${summary.criteria} criteria`,
        ];
        for (const domain of framework.domains) {
          lines.push('', `${domain.code}  ${domain.title}`);
          for (const standard of domain.standards) {
            lines.push(`  ${standard.code}  ${standard.title}`);
            for (const criterion of standard.criteria) {
              lines.push(
                `    ${criterion.code.padEnd(6)} ${criterion.level === 'essential' ? 'E' : 'D'}  [${criterion.appliesTo.join(', ')}]  ${criterion.statement}`,
              );
            }
          }
        }
        return lines.join('\n');
      });
    },
  },
  {
    path: ['framework', 'validate'],
    summary: 'Check a framework file against the schema without importing it',
    usage: 'framework validate FILE',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const { file, text } = frameworkFile(args.positionals);
      // Validation needs no database, so none is opened or created.
      const { framework, sha256 } = parseFrameworkText(text, file);
      ctx.print(
        { valid: true, id: framework.id, version: framework.version, sha256 },
        () => `${file}: valid (${framework.id}@${framework.version})`,
      );
    },
  },
  {
    path: ['framework', 'import'],
    summary: 'Import a new or revised framework version (an imported id@version never changes)',
    usage: 'framework import FILE',
    positionals: { min: 1, max: 1 },
    async run(ctx, args) {
      const { file, text } = frameworkFile(args.positionals);
      const summary = await ctx.call('frameworks.import', { fileName: file, text });
      ctx.print(
        summary,
        () => `imported ${summary.id}@${summary.version} (${summary.criteria} criteria)`,
      );
    },
  },
];
