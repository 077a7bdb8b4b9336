import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { Result } from '../../shared/result';
import { openTestCore } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';
import { startSelfAssessment } from '../helpers/fixtures';
import { nationalFrameworkJson } from '../helpers/frameworks';
import { nationalCodes } from '../helpers/national';

/**
 * Property-based fuzzing of every importer that takes a file: whatever the bytes, the core
 * answers with success or a named input problem (never an internal error), and a refusal
 * leaves every table exactly as it was.
 */
const RUNS = 150;
const ACCEPTABLE_REFUSALS = ['invalid_input', 'conflict', 'refused'];

let core: Core;
let assessmentId: string;

beforeAll(async () => {
  core = await openTestCore();
  const { assessment } = await startSelfAssessment(core, 'both');
  assessmentId = assessment.id;
});

/** Runs one import; on failure checks it was a named refusal and that nothing changed. */
async function importLeavesNothingHalfDone<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  const before = dumpDatabase(core.context.db);
  const result = await run();
  if (!result.ok) {
    expect(ACCEPTABLE_REFUSALS, result.error.message).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(dumpDatabase(core.context.db)).toEqual(before);
  }
  return result;
}

/** Text a hostile file might hold: CSV and JSON syntax, formula starters, controls, any Unicode. */
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(',', '"', '\n', '\r', '=', '+', '-', '@', '\t', '\u0000', 'a', 'é', '😀'),
    maxLength: 30,
  }),
  fc.constantFrom(
    '',
    ' ',
    '=1+1',
    '@SUM(A1)',
    '"',
    '""',
    'null',
    '-1',
    '1e999',
    '\uFEFF',
    '\u202E',
  ),
);

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('fuzzing the importers', { timeout: 120_000 }, () => {
  it('provider CSV import: random rows import whole or not at all', async () => {
    const outcomes = { imported: 0, refused: 0 };
    const header = 'name,type,region,postcode,charity_number,company_number';
    const hostileRow = fc.tuple(
      hostileText,
      fc.oneof(hostileText, fc.constantFrom('link-worker', 'activity', 'both')),
      fc.oneof(hostileText, fc.constantFrom('', 'london', 'north-west', 'Wales')),
      fc.oneof(hostileText, fc.constantFrom('', 'N1 9GU', 'HX7 6AA')),
      fc.oneof(hostileText, fc.constantFrom('', '1187342')),
      fc.oneof(hostileText, fc.constantFrom('', '08812345')),
    );
    // Good rows are mixed in so that whole files also succeed, and the all-or-nothing rule is
    // tested on files where good rows sit beside a bad one.
    const goodRow = fc.tuple(
      fc
        .tuple(fc.constantFrom('Calder Walks', 'Grow Together', 'Tyneside Arts'), fc.nat(999))
        .map(([name, n]) => `${name} ${n}`),
      fc.constantFrom('link-worker', 'activity', 'both'),
      fc.constantFrom('', 'london', 'north-west', 'Wales'),
      fc.constantFrom('', 'N1 9GU', 'HX7 6AA'),
      fc.constant(''),
      fc.constant(''),
    );
    const row = fc.oneof({ arbitrary: goodRow, weight: 3 }, { arbitrary: hostileRow, weight: 1 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 0, maxLength: 4 }),
        fc.boolean(),
        async (rows, raw) => {
          const body = rows
            .map((cells) => cells.map((c) => (raw ? c : csvCell(c))).join(','))
            .join('\n');
          const before = core.context.db
            .prepare('SELECT count(*) FROM providers')
            .pluck()
            .get() as number;
          const result = await importLeavesNothingHalfDone(() =>
            core.invoke('providers.importCsv', { fileName: 'fuzz.csv', csv: `${header}\n${body}` }),
          );
          const after = core.context.db
            .prepare('SELECT count(*) FROM providers')
            .pluck()
            .get() as number;
          if (result.ok) expect(after - before).toBe(result.value.imported);
          outcomes[result.ok ? 'imported' : 'refused'] += 1;
        },
      ),
      { numRuns: RUNS },
    );
    // The generator reaches both paths, so the property says something about each.
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('ratings CSV import: random rows apply whole or not at all', async () => {
    const codes = nationalCodes({ appliesTo: 'both' });
    const row = fc.tuple(
      fc.oneof(hostileText, fc.constantFrom(...codes)),
      fc.oneof(hostileText, fc.constantFrom('met', 'partial', 'not-met', 'na')),
      hostileText,
      hostileText,
      hostileText,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 5 }), async (rows) => {
        const csv = [
          'criterion,rating,note,reason,override_reason',
          ...rows.map((r) => r.map(csvCell).join(',')),
        ].join('\n');
        await importLeavesNothingHalfDone(() =>
          core.invoke('assessments.importRatings', { id: assessmentId, fileName: 'fuzz.csv', csv }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('framework import: arbitrary JSON and one-value mutations of a valid framework', async () => {
    const valid = nationalFrameworkJson();
    /** Replaces the value at a random path of the framework with a hostile one. */
    const mutated = fc
      .tuple(fc.nat(), fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 3 }))
      .map(([d, s, c, value]) => {
        const copy = structuredClone(valid) as unknown as Record<string, unknown> & typeof valid;
        copy.id = 'fuzzed';
        const domain = copy.domains[d % copy.domains.length];
        const standard = domain?.standards[s % domain.standards.length];
        const criterion = standard?.criteria[c % standard.criteria.length] as unknown as Record<
          string,
          unknown
        >;
        const keys = Object.keys(criterion);
        criterion[keys[c % keys.length] as string] = value;
        return JSON.stringify(copy);
      });
    const text = fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 200 }), mutated);
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        await importLeavesNothingHalfDone(() =>
          core.invoke('frameworks.import', { fileName: 'fuzz.json', text: t }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('certificate verify: random bytes never verify and never fail obscurely', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.json({ maxDepth: 4 }).map((j) => new TextEncoder().encode(j)),
      fc
        .uint8Array({ maxLength: 300 })
        .map((b) => new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...b])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.boolean(), async (b, asPdf) => {
        const result = await importLeavesNothingHalfDone(() =>
          core.invoke('certificates.verify', {
            fileName: asPdf ? 'fuzz.pdf' : 'fuzz.json',
            base64: Buffer.from(b).toString('base64'),
          }),
        );
        if (result.ok) expect(result.value.valid).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
