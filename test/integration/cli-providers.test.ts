import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import type { Provider } from '../../shared/providers/schema';
import { spqa, spqaJson } from '../helpers/cli';
import { addProviderArgs } from '../helpers/cli-args';
import { expectRefused } from '../helpers/cli-expect';
import { dumpDatabaseFile } from '../helpers/db-dump';
import { tempDir, writeTempFile } from '../helpers/temp-dir';

const HEADER = 'name,type,region,postcode,charity_number,company_number';
const countProviders = (dataDir: string) =>
  spqaJson<{ total: number }>(dataDir, ['provider', 'list']).total;

describe('spqa provider', () => {
  it('adds a provider and prints it with its id; list shows it', () => {
    const dataDir = tempDir();
    const provider = spqaJson<Provider>(
      dataDir,
      addProviderArgs(
        'Calder Valley Connectors',
        'link-worker',
        '--charity-number',
        '1187342',
        '--region',
        'yorkshire-and-the-humber',
        '--postcode',
        'hx7 6aa',
      ),
    );
    expect(provider.id).toMatch(/^prv_/);
    expect(provider).toMatchObject({
      name: 'Calder Valley Connectors',
      type: 'link-worker',
      charityNumber: '1187342',
      region: 'yorkshire-and-the-humber',
      postcode: 'HX7 6AA',
    });
    const list = spqaJson<{ total: number; items: { id: string }[] }>(dataDir, [
      'provider',
      'list',
    ]);
    expect(list.total).toBe(1);
    expect(list.items[0]?.id).toBe(provider.id);

    const human = spqa(dataDir, ['provider', 'list']);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain(provider.id);
    expect(human.stdout).toContain('Calder Valley Connectors');

    const added = spqa(dataDir, addProviderArgs('Tyneside Walks', 'both'));
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Tyneside Walks \(prv_[0-9A-Z]{12}\)$/m);
  });

  it('refuses bad values and a charity number already held, with exit 2 and nothing saved', () => {
    const dataDir = tempDir();
    spqaJson(dataDir, addProviderArgs('First', 'both', '--charity-number', '1187342'));
    const before = dumpDatabaseFile(join(dataDir, DATABASE_FILE));
    expectRefused(
      spqa(dataDir, addProviderArgs('Second', 'gp')),
      'type: type must be one of link-worker, activity, both',
    );
    expectRefused(
      spqa(dataDir, addProviderArgs('Second', 'both', '--postcode', 'nowhere')),
      'postcode: "nowhere" is not a UK postcode',
    );
    expectRefused(
      spqa(dataDir, addProviderArgs('Second', 'both', '--region', 'mars')),
      'region: region must be one of',
    );
    expectRefused(
      spqa(dataDir, addProviderArgs('Second', 'both', '--charity-number', '1187342')),
      'charity number 1187342 already belongs to First',
    );
    expect(dumpDatabaseFile(join(dataDir, DATABASE_FILE))).toEqual(before);
  });

  it('imports a CSV file and reports how many providers it added', () => {
    const dataDir = tempDir();
    const file = writeTempFile(
      tempDir(),
      'providers.csv',
      [
        `${HEADER},town`,
        'Grow Together Gardens,activity,north-west,M25 2SW,1154821,08812345,Manchester',
        '"Tyneside Walks, Talks and Tea",both,north-east,NE1 4ST,,,Newcastle',
        'Bridgend Connectors,link-worker,wales,CF31 1LX,,,',
      ].join('\n'),
    );
    const result = spqaJson<{ imported: number; ids: string[] }>(dataDir, [
      'provider',
      'import',
      file,
    ]);
    expect(result.imported).toBe(3);
    expect(result.ids).toHaveLength(3);
    expect(countProviders(dataDir)).toBe(3);
  });

  it('imports nothing from a file with bad rows, listing line, column and problem for each', () => {
    const dataDir = tempDir();
    spqaJson(dataDir, addProviderArgs('Already Here', 'both'));
    const before = dumpDatabaseFile(join(dataDir, DATABASE_FILE));
    const file = writeTempFile(
      tempDir(),
      'mixed.csv',
      [
        HEADER,
        'Good Row,activity,london,E1 6AN,,',
        'Bad Postcode,activity,london,E1,,',
        'Good Row Two,both,,,,',
        'Bad Type,surgery,,,,ABC',
      ].join('\n'),
    );
    const run = spqa(dataDir, ['provider', 'import', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errorLines[0]).toBe(
      `spqa: ${file}: line 3, column postcode: "E1" is not a UK postcode (e.g. "LS1 4AP") (and 2 more problems); nothing was imported`,
    );
    expect(run.errorLines.slice(1)).toEqual([
      '  line 3, column postcode: "E1" is not a UK postcode (e.g. "LS1 4AP")',
      '  line 5, column type: type must be one of link-worker, activity, both',
      '  line 5, column company_number: not a Companies House number (8 digits, or 2 letters and 6 digits)',
    ]);
    expect(countProviders(dataDir)).toBe(1);
    expect(dumpDatabaseFile(join(dataDir, DATABASE_FILE))).toEqual(before);

    const ragged = writeTempFile(tempDir(), 'ragged.csv', `${HEADER}\nA,both,,,,\nB,both\n`);
    expectRefused(
      spqa(dataDir, ['provider', 'import', ragged]),
      'line 3',
      'the row has 2 values',
      'nothing was imported',
    );
    const noColumns = writeTempFile(tempDir(), 'cols.csv', 'name,type\nA,both\n');
    expect(spqa(dataDir, ['provider', 'import', noColumns]).errorLines[0]).toContain(
      'line 1, column region: required column is missing',
    );
    expect(countProviders(dataDir)).toBe(1);
  });
});
