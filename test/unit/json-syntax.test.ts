import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../electron/core/json-syntax';
import { parseJsonText } from '../../electron/core/json-text';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('locating a JSON syntax fault', () => {
  it('finds the offending character and says what was expected', () => {
    expect(locateJsonError('{"a": 1,\n "b": }')).toEqual({
      offset: 15,
      problem: 'unexpected "}"',
    });
    expect(locateJsonError('{"a": 1 "b": 2}')).toEqual({
      offset: 8,
      problem: 'unexpected quote mark ("); expected "," or "}"',
    });
    expect(locateJsonError('[1, 2,]')?.offset).toBe(6);
    expect(locateJsonError('{"a": tru}')?.offset).toBe(6);
    expect(locateJsonError('{"a": "open')).toEqual({
      offset: 6,
      problem: 'a string is not closed',
    });
    expect(locateJsonError('')).toEqual({ offset: 0, problem: 'the file ends too soon' });
    expect(locateJsonError('{} x')?.problem).toBe('unexpected "x" after the end of the JSON');
  });

  it('agrees with JSON.parse on valid JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(locateJsonError(text)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on damaged JSON', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', '\\', 'x', '\n', '0', '-'),
        (value, at, insert) => {
          const text = JSON.stringify(value, null, 1);
          const cut = at % (text.length + 1);
          const damaged = text.slice(0, cut) + insert + text.slice(cut + (insert === '' ? 1 : 0));
          expect(locateJsonError(damaged) === null).toBe(parses(damaged));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('survives very deep nesting without overflowing the stack', () => {
    expect(locateJsonError('['.repeat(200_000))).toEqual({
      offset: 200_000,
      problem: 'the file ends too soon',
    });
  });
});

describe('parseJsonText', () => {
  it('names the file, line and column of the fault on one line', () => {
    const text = '{\n  "id": "x",\n  "version": }\n';
    expect(() => parseJsonText(text, 'broken.json')).toThrow(
      'broken.json: not valid JSON at line 3, column 14: unexpected "}"',
    );
  });

  it('refuses nesting deeper than any framework needs', () => {
    expect(() => parseJsonText('['.repeat(100) + ']'.repeat(100), 'deep.json')).toThrow(
      /nested more than 64 levels/,
    );
  });
});
