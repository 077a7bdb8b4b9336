import { describe, expect, it } from 'vitest';
import type { CsvProblem } from '../../shared/contract/providers';
import { failure, openTestCore, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';

const HEADER = 'name,type,region,postcode,charity_number,company_number';

function problemsOf(error: { details?: unknown }): CsvProblem[] {
  return (error.details as { problems: CsvProblem[] }).problems;
}

describe('provider CSV import', () => {
  it('imports every row, normalising values, with one audit entry per provider', async () => {
    const core = await openTestCore();
    const csv = [
      `${HEADER},town,description,contact_name,contact_email`,
      'Calder Connectors,link-worker,Yorkshire and the Humber,hx7 6aa,1187342,,Hebden Bridge,,Aisha Rahman,aisha@example.org',
      '"Grow Together Gardens",Activity or service provider,north-west,M25 2SW,1154821,8812345,Manchester,"Gardening,',
      'three days a week",,',
      'Tyneside Walks,both,,,,,,,,',
    ].join('\n');
    const progress: number[] = [];
    const result = unwrap(
      await core.invoke(
        'providers.importCsv',
        { fileName: 'providers.csv', csv },
        { onProgress: (p) => progress.push(p.done) },
      ),
    );
    expect(result).toMatchObject({ imported: 3, dryRun: false });
    expect(result.ids).toHaveLength(3);
    expect(progress[progress.length - 1]).toBe(3);

    const list = unwrap(await core.invoke('providers.list', {}));
    expect(list.total).toBe(3);
    const grow = unwrap(await core.invoke('providers.get', { id: result.ids[1] as string }));
    expect(grow.provider).toMatchObject({
      name: 'Grow Together Gardens',
      type: 'activity',
      region: 'north-west',
      postcode: 'M25 2SW',
      companyNumber: '08812345',
      description: 'Gardening,\nthree days a week',
    });
    const calder = unwrap(await core.invoke('providers.get', { id: result.ids[0] as string }));
    expect(calder.provider).toMatchObject({
      region: 'yorkshire-and-the-humber',
      postcode: 'HX7 6AA',
      contacts: [{ name: 'Aisha Rahman', email: 'aisha@example.org' }],
    });

    const audit = unwrap(await core.invoke('audit.list', { limit: 100 }));
    const created = audit.filter((e) => e.action === 'provider.created');
    expect(created.map((e) => e.entityId).sort()).toEqual([...result.ids].sort());
    expect(created.find((e) => e.entityId === result.ids[2])?.detail).toMatchObject({
      importedFrom: 'providers.csv',
      line: 5,
    });
  });

  it('checks a file without importing it on a dry run', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    const result = unwrap(
      await core.invoke('providers.importCsv', {
        fileName: 'p.csv',
        csv: `${HEADER}\nA Org,both,london,,,\n`,
        dryRun: true,
      }),
    );
    expect(result).toEqual({ imported: 1, dryRun: true, ids: [] });
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('imports nothing when any row is bad, and reports line, column and problem for each', async () => {
    const core = await openTestCore();
    unwrap(
      await core.invoke('providers.create', {
        name: 'Existing Trust',
        type: 'both',
        charityNumber: '1099999',
      }),
    );
    const before = dumpDatabase(core.context.db);
    const csv = [
      HEADER,
      'Good One,activity,london,E1 6AN,1111111,', // line 2
      'Bad Postcode,activity,london,E1,,', // line 3
      '"Multi',
      'Line",both,london,,2222222,', // line 4-5: fine
      'Bad Type,gp surgery,mars,,,', // line 6
      'Taken Number,both,,,1099999,', // line 7
      'Repeat Number,both,,,1111111,', // line 8
      'Good Two,link-worker,wales,CF10 1AA,,', // line 9
    ].join('\n');
    const error = failure(
      await core.invoke('providers.importCsv', { fileName: 'mixed.csv', csv }),
      'invalid_input',
    );
    expect(problemsOf(error)).toEqual([
      { line: 3, column: 'postcode', message: '"E1" is not a UK postcode (e.g. "LS1 4AP")' },
      {
        line: 6,
        column: 'type',
        message: 'type must be one of link-worker, activity, both',
      },
      { line: 6, column: 'region', message: expect.stringMatching(/^region must be one of/) },
      {
        line: 7,
        column: 'charity_number',
        message: expect.stringMatching(/^1099999 already belongs to Existing Trust \(prv_/),
      },
      { line: 8, column: 'charity_number', message: '1111111 is also on line 2' },
    ]);
    expect(error.message).toBe(
      'mixed.csv: line 3, column postcode: "E1" is not a UK postcode (e.g. "LS1 4AP") (and 4 more problems); nothing was imported',
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('imports nothing when the file itself is malformed', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    const cases: [string, CsvProblem][] = [
      [
        'name,type,region\nA,both,london\n',
        { line: 1, column: 'postcode', message: 'required column is missing' },
      ],
      [
        `${HEADER},favourite_colour\nA,both,,,,,red\n`,
        {
          line: 1,
          column: 'favourite_colour',
          message: expect.stringMatching(/^unknown column/),
        },
      ],
      [
        `${HEADER}\nA,both,,,,\nB,both\n`,
        { line: 3, column: '', message: 'the row has 2 values; the header has 6' },
      ],
      [
        `${HEADER}\nA,both,,,,\n"B,both,,,,\n`,
        {
          line: 3,
          column: '',
          message: expect.stringMatching(/closing quote/),
        },
      ],
      [`${HEADER}\n`, { line: 2, column: '', message: 'the file has a header but no rows' }],
    ];
    for (const [csv, problem] of cases) {
      const error = failure(
        await core.invoke('providers.importCsv', { fileName: 'bad.csv', csv }),
        'invalid_input',
      );
      expect(problemsOf(error)).toContainEqual(problem);
    }
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('rolls back every row if writing fails part-way through', async () => {
    const core = await openTestCore();
    const db = core.context.db;
    // Simulate a failure on the third insert, after two rows were written in the transaction.
    db.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON providers WHEN NEW.name = 'Third'
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const before = dumpDatabase(db);
    const csv = `${HEADER}\nFirst,both,,,,\nSecond,both,,,,\nThird,both,,,,\nFourth,both,,,,\n`;
    const error = failure(
      await core.invoke('providers.importCsv', { fileName: 'p.csv', csv }),
      'internal',
    );
    expect(error.message).toContain('disk full');
    expect(dumpDatabase(db)).toEqual(before);
  });
});
