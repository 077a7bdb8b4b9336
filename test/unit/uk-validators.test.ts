import { describe, expect, it } from 'vitest';
import {
  charityNumberSchema,
  companyNumberSchema,
  isoDateSchema,
  normalisePostcode,
  postcodeSchema,
} from '../../shared/validation/uk';

describe('UK postcodes', () => {
  it('accepts every outward-code shape and prints it upper case with one space', () => {
    const cases: [string, string][] = [
      ['M1 1AE', 'M1 1AE'],
      ['m11ae', 'M1 1AE'],
      ['B33 8TH', 'B33 8TH'],
      ['CR2 6XH', 'CR2 6XH'],
      ['ls1 4ap', 'LS1 4AP'],
      ['DN55 1PT', 'DN55 1PT'],
      ['W1A 0AX', 'W1A 0AX'],
      [' ec1a  1bb ', 'EC1A 1BB'],
      ['SW1A1AA', 'SW1A 1AA'],
    ];
    for (const [raw, expected] of cases) expect(normalisePostcode(raw), raw).toBe(expected);
  });

  it('refuses text that is not a postcode', () => {
    for (const raw of [
      '',
      'LS1',
      'LS1 4A',
      'LS1 4APX',
      'LSS1 4AP',
      '12345',
      'LS1-4AP',
      'ABC 123',
      '1LS 4AP',
    ]) {
      expect(normalisePostcode(raw), raw).toBeNull();
    }
  });

  it('names the bad value and gives an example in the schema message', () => {
    const result = postcodeSchema.safeParse('LS1 4A');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('"LS1 4A" is not a UK postcode (e.g. "LS1 4AP")');
    expect(postcodeSchema.parse('hx76aa')).toBe('HX7 6AA');
  });
});

describe('charity numbers', () => {
  it('accepts England and Wales, Scotland and Northern Ireland forms, normalised', () => {
    const cases: [string, string][] = [
      ['1123456', '1123456'],
      ['223456', '223456'],
      ['1123456-1', '1123456-1'],
      ['SC012345', 'SC012345'],
      ['sc 012345', 'SC012345'],
      ['NIC100123', 'NIC100123'],
      ['XN12345', 'XN12345'],
      ['xr123456', 'XR123456'],
    ];
    for (const [raw, expected] of cases) expect(charityNumberSchema.parse(raw), raw).toBe(expected);
  });

  it('refuses numbers of the wrong shape', () => {
    for (const raw of [
      '',
      '12345',
      '12345678',
      'SC12345',
      'SC0123456',
      'AB123456',
      '1123456-123',
      'NIC10012',
    ]) {
      const result = charityNumberSchema.safeParse(raw);
      expect(result.success, raw).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^not a charity number/);
    }
  });
});

describe('company numbers', () => {
  it('accepts 8 digits or 2 letters and 6 digits, restoring dropped leading zeros', () => {
    const cases: [string, string][] = [
      ['01234567', '01234567'],
      ['1234567', '01234567'],
      ['812345', '00812345'],
      ['SC123456', 'SC123456'],
      ['ni 123456', 'NI123456'],
      ['OC301234', 'OC301234'],
    ];
    for (const [raw, expected] of cases) expect(companyNumberSchema.parse(raw), raw).toBe(expected);
  });

  it('refuses other shapes', () => {
    for (const raw of ['', '123456789', 'S1234567', 'ABC12345', 'SC1234567', 'SC12345']) {
      const result = companyNumberSchema.safeParse(raw);
      expect(result.success, raw).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^not a Companies House number/);
    }
  });
});

describe('ISO dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2023-02-29').error?.issues[0]?.message).toBe(
      'not a real calendar date',
    );
    expect(isoDateSchema.safeParse('2024-13-01').success).toBe(false);
    expect(isoDateSchema.safeParse('24-01-01').error?.issues[0]?.message).toBe(
      'use the form YYYY-MM-DD',
    );
  });
});
