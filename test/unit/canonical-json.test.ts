import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/signing/canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('reproduces the RFC 8785 section 3.2.2 example byte for byte', () => {
    const input =
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
      '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}';
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as in the RFC 8785 section 3.2.3 example', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // The emoji's surrogate pair (U+D83D) sorts before U+FB33, though its code point is higher.
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","דּ":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts integer-like keys as text, not in the order JavaScript iterates them', () => {
    expect(canonicalJson({ b: 1, 9: 2, 10: 3, a: 4 })).toBe('{"10":3,"9":2,"a":4,"b":1}');
  });

  it('writes numbers in their shortest round-trip form', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [1, '1'],
      [-1, '-1'],
      [0.1, '0.1'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [123456789012345680000, '123456789012345680000'],
      [1e-6, '0.000001'],
      [1e-7, '1e-7'],
      [4.5, '4.5'],
      [0.002, '0.002'],
      [9007199254740991, '9007199254740991'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [-1.5e-10, '-1.5e-10'],
    ];
    for (const [value, expected] of cases)
      expect(canonicalJson(value), String(value)).toBe(expected);
  });

  it('sorts nested object keys, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }, 1], a: { d: null, c: 'x y' } })).toBe(
      '{"a":{"c":"x y","d":null},"b":[3,{"a":2,"z":1},1]}',
    );
  });

  it('drops undefined properties and writes undefined array items as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('refuses values JSON cannot hold exactly', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('allows the same object twice when it is not its own ancestor', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('round-trips through JSON.parse to the same value and the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reparsed: unknown = JSON.parse(text);
        expect(canonicalJson(reparsed)).toBe(text);
        expect(text).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order keys were inserted in', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
        fc.nat(),
        (record, seed) => {
          const entries = Object.entries(record);
          const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]);
          const reordered = Object.fromEntries(rotated.filter((e) => e !== undefined).reverse());
          expect(canonicalJson(reordered)).toBe(canonicalJson(record));
        },
      ),
      { numRuns: 300 },
    );
  });
});
