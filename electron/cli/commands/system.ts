import { type Command } from '../command';
import { EXIT } from '../exit-codes';

export const systemCommands: Command[] = [
  {
    path: ['demo'],
    summary: 'Load realistic demo organisations and self-assessments (once)',
    usage: 'demo',
    async run(ctx) {
      const result = await ctx.call('system.loadDemo', {});
      ctx.print(result, () =>
        result.skipped
          ? 'the demo data is already loaded'
          : `loaded ${result.providers} providers and ${result.assessments} self-assessments`,
      );
    },
  },
  {
    path: ['info'],
    summary: 'Show where data lives and the database’s state',
    usage: 'info',
    async run(ctx) {
      const info = await ctx.call('system.info', {});
      ctx.print(info, () =>
        [
          `spqa ${info.appVersion}`,
          `data folder: ${info.dataDir}`,
          `database:    ${info.databasePath} (schema ${info.schemaVersion}, ${info.journalMode})`,
        ].join('\n'),
      );
    },
  },
  {
    path: ['audit', 'verify'],
    summary: 'Check the audit trail’s hash chain is unbroken',
    usage: 'audit verify',
    async run(ctx) {
      const result = await ctx.call('audit.verify', {});
      ctx.print(result, () =>
        result.ok
          ? `audit trail intact (${result.entries} entries)`
          : `audit trail broken at entry ${result.firstBadSeq}`,
      );
      return result.ok ? EXIT.ok : EXIT.verificationFailed;
    },
  },
];
