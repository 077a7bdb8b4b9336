import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseCell } from '../../electron/core/register/csv';
import { linkId, orukId } from '../../electron/core/register/oruk';
import { scriptSafeJson } from '../../electron/core/register/site';
import { diffRegisters } from '../../shared/register/diff';
import type { RegisterEntry } from '../../shared/register/schema';

describe('CSV cells', () => {
  it('neutralise what a spreadsheet would run as a formula', () => {
    for (const raw of ['=1+1', '+44 1234', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseCell(raw)).toBe(`'${raw}`);
    for (const raw of ['Plain', '', "'quoted", '1-2', 'a=b']) expect(neutraliseCell(raw)).toBe(raw);
  });

  it('quote RFC 4180 style, and any text survives a round trip through a CSV parser', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }),
        (cells) => {
          const line = `${cells.map(csvCell).join(',')}\r\n`;
          const [row] = parse(line, { relax_column_count: false }) as string[][];
          expect(row).toEqual(cells.map(neutraliseCell));
          for (const cell of row ?? []) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        },
      ),
    );
  });
});

describe('ORUK identifiers', () => {
  it('are version 5 UUIDs, the same for the same record every time', () => {
    const id = orukId('service', 'svc_123');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(orukId('service', 'svc_123')).toBe(id);
    expect(orukId('organization', 'svc_123')).not.toBe(id);
  });

  it('give links (attributes, services at locations) their own version 8 UUIDs', () => {
    const service = orukId('service', 'svc_123');
    const term = orukId('taxonomy-term', 'quality:accredited');
    const link = linkId(service, term);
    expect(link).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(linkId(service, term)).toBe(link);
    // Published ids never change between versions (register diff compares them): this is the id
    // every earlier version gave this link.
    expect(link).toBe('b90c1cb3-3a55-89d5-ba4e-e5bd68328c12');
    expect(linkId(orukId('service', 'svc_124'), term)).not.toBe(link);
    expect(linkId(service, orukId('taxonomy-term', 'quality:conditional'))).not.toBe(link);
  });
});

describe('data embedded in the register page', () => {
  it('cannot close its script element or be read as markup', () => {
    const text = scriptSafeJson({ name: '</script><script>alert(1)</script> & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script> & \u2028' });
  });
});

function entry(number: string, changes: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    certificateNumber: number,
    status: 'active',
    statusDate: '2026-03-04',
    supersedes: null,
    supersededBy: null,
    outcome: 'accredited',
    decidedOn: '2026-03-02',
    conditionsDue: null,
    issuedOn: '2026-03-04',
    expiresOn: '2029-03-03',
    holder: {
      providerId: `prv_${number}`,
      name: `Holder ${number}`,
      description: null,
      type: 'activity',
      charityNumber: null,
      companyNumber: null,
      region: 'london',
      addressLine1: null,
      addressLine2: null,
      town: null,
      postcode: null,
      website: null,
    },
    services: [
      {
        id: 'svc_1',
        name: 'Walks',
        category: 'exercise-and-leisure',
        description: null,
        referralRoute: 'any-agency',
        selfReferral: true,
        acceptingReferrals: true,
        placesPerMonth: 10,
        waitingWeeks: 1,
        capacityConfirmedOn: '2026-03-04',
      },
    ],
    domains: [],
    framework: { id: 'spqa-national', version: '1.0.0', title: 'National standards' },
    issuer: { name: 'Network', keyId: 'ed25519:00' },
    ...changes,
  };
}

describe('the difference between two publications', () => {
  it('names each kind of change once per certificate', () => {
    const before = [
      entry('SPQA-2026-000001'),
      entry('SPQA-2026-000002'),
      entry('SPQA-2026-000003', { status: 'suspended' }),
      entry('SPQA-2026-000004'),
      entry('SPQA-2026-000005'),
      entry('SPQA-2026-000006'),
    ];
    const after = [
      entry('SPQA-2026-000001'),
      entry('SPQA-2026-000002', { status: 'suspended', statusDate: '2026-06-01' }),
      entry('SPQA-2026-000003'),
      entry('SPQA-2026-000004', { status: 'withdrawn' }),
      entry('SPQA-2026-000005', { status: 'expired' }),
      entry('SPQA-2026-000006', {
        services: [{ ...entry('x').services[0]!, acceptingReferrals: false, waitingWeeks: 6 }],
      }),
      entry('SPQA-2026-000007'),
    ];
    expect(
      diffRegisters(before, after).map((c) => [c.certificateNumber, c.kind, c.detail]),
    ).toEqual([
      ['SPQA-2026-000002', 'suspended', 'active → suspended on 2026-06-01'],
      ['SPQA-2026-000003', 'reinstated', 'suspended → active on 2026-03-04'],
      ['SPQA-2026-000004', 'withdrawn', 'active → withdrawn on 2026-03-04'],
      ['SPQA-2026-000005', 'expired', 'active → expired on 2026-03-04'],
      [
        'SPQA-2026-000006',
        'capacity-changed',
        'Walks stopped accepting referrals; Walks waiting time 1 → 6 weeks',
      ],
      ['SPQA-2026-000007', 'new', 'active, expires 2029-03-03'],
    ]);
    expect(diffRegisters(after, after)).toEqual([]);
    expect(diffRegisters(after, before.slice(0, 1))[0]).toMatchObject({ kind: 'removed' });
  });
});
