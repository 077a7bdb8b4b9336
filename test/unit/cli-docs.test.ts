import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_TYPES } from '../../shared/accreditation/vocabulary';
import { RATINGS } from '../../shared/assessment/ratings';
import {
  PROVIDER_TYPES,
  REFERRAL_ROUTES,
  REGIONS,
  SERVICE_CATEGORIES,
} from '../../shared/providers/vocabulary';
import { COMMANDS } from '../../electron/cli/registry';
import { runCli } from '../../electron/cli/run';
import { RATINGS_CSV_COLUMNS } from '../../electron/core/assessments/ratings-csv';
import { PROVIDER_CSV_COLUMNS } from '../../electron/core/providers/csv-import';
import {
  CLI_DOC,
  parseCommandHelp,
  parseOverview,
  renderCliDocs,
} from '../../scripts/cli-docs.mjs';
import { REPO_ROOT } from '../helpers/paths';

/**
 * docs/cli.md is written by scripts/cli-docs.mjs from the help the CLI gives. Rendering it again
 * from the current source's `runCli` must give the committed file, so a command changed without
 * `npm run docs:cli` fails here.
 */
describe('docs/cli.md', () => {
  let rendered: Promise<string> | null = null;
  const render = () => (rendered ??= renderCliDocs(runCli));

  it('is what `npm run docs:cli` writes from the commands today', async () => {
    const committed = readFileSync(CLI_DOC, 'utf8');
    expect(committed, 'docs/cli.md is out of date: run `npm run docs:cli`').toBe(await render());
  });

  it('gives every command of the registry with its usage and summary', async () => {
    const page = await render();
    for (const command of COMMANDS) {
      const name = `spqa ${command.path.join(' ')}`;
      expect(page).toContain(`## \`${name}\`\n\n${command.summary}.\n`);
      for (const form of command.usage.split('\n')) expect(page).toContain(form.trim());
    }
  });
});

describe('docs/cli-input.md', () => {
  const page = readFileSync(join(REPO_ROOT, 'docs', 'cli-input.md'), 'utf8');

  it('lists every value the list options accept', () => {
    const values = [
      ...PROVIDER_TYPES,
      ...REGIONS,
      ...SERVICE_CATEGORIES,
      ...REFERRAL_ROUTES,
      ...RATINGS,
      ...FINDING_TYPES,
    ];
    expect(values.filter((value) => !page.includes(`\`${value}\``))).toEqual([]);
  });

  it('names every column the CSV importers read', () => {
    const columns = [PROVIDER_CSV_COLUMNS, RATINGS_CSV_COLUMNS].flatMap((c) => [
      ...c.required,
      ...c.optional,
    ]);
    expect(columns.filter((column) => !page.includes(column))).toEqual([]);
  });
});

describe('reading the help text', () => {
  it('takes every form of a command that has several', () => {
    const help = [
      'Usage: spqa thing start --a X',
      '       spqa thing start --b Y',
      '',
      'Start a thing',
      '',
      'Global options:',
    ].join('\n');
    expect(parseCommandHelp(help)).toEqual({
      usage: ['spqa thing start --a X', 'spqa thing start --b Y'],
      summary: 'Start a thing',
    });
  });

  it('refuses help of a shape it does not know, rather than writing a wrong page', () => {
    expect(() => parseCommandHelp('Start a thing\n\nUsage: spqa thing')).toThrow(
      /unexpected shape/,
    );
    expect(() =>
      parseOverview('Usage: spqa COMMAND\n\nCommands:\n  thing start Start a thing\n\nGlobal'),
    ).toThrow(/unexpected command line/);
  });

  it('splits the command list into words and summary', () => {
    const overview = parseOverview(
      'Usage: spqa COMMAND\n\nCommands:\n  thing start  Start a thing  now\n  info         Show\n\nExit codes: 0',
    );
    expect(overview.commands).toEqual([
      { words: ['thing', 'start'], summary: 'Start a thing  now' },
      { words: ['info'], summary: 'Show' },
    ]);
    expect(overview.globals).toEqual(['Exit codes: 0']);
  });
});
