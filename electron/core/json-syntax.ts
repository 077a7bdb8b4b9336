export interface JsonSyntaxFault {
  /** Index (UTF-16 code units) of the first character that cannot be JSON. */
  offset: number;
  problem: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function describe(char: string | undefined): string {
  if (char === undefined) return 'the file ends too soon';
  if (char === '"') return 'unexpected quote mark (")';
  const code = char.charCodeAt(0);
  return code < 0x20
    ? `unexpected control character U+${code.toString(16).padStart(4, '0')}`
    : `unexpected "${char}"`;
}

/**
 * Finds where and why text is not JSON (RFC 8259). JSON.parse says so too, but V8 leaves out
 * the position for most faults and quotes the text instead, so people get no line to look at.
 * Iterative, so deep nesting cannot overflow the stack. Returns null for valid JSON.
 */
export function locateJsonError(text: string): JsonSyntaxFault | null {
  let i = 0;
  const stack: ('object' | 'array')[] = [];
  const fault = (problem: string): JsonSyntaxFault => ({ offset: i, problem });
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i += 1;
  };
  const scanString = (): JsonSyntaxFault | null => {
    const start = i;
    i += 1;
    for (;;) {
      const char = text[i];
      if (char === undefined) {
        i = start;
        return fault('a string is not closed');
      }
      if (char === '"') {
        i += 1;
        return null;
      }
      if (char.charCodeAt(0) < 0x20) return fault(`${describe(char)} inside a string`);
      if (char === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fault('a bad \\u escape');
          i += 6;
        } else if (escaped !== undefined && ESCAPES.has(escaped)) {
          i += 2;
        } else {
          return fault('a bad escape in a string');
        }
      } else {
        i += 1;
      }
    }
  };

  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipWhitespace();
    const char = text[i];
    if (expect === 'value') {
      if (char === '{' || char === '[') {
        i += 1;
        skipWhitespace();
        if (text[i] === (char === '{' ? '}' : ']')) {
          i += 1;
          expect = 'after';
        } else {
          stack.push(char === '{' ? 'object' : 'array');
          expect = char === '{' ? 'key' : 'value';
        }
      } else if (char === '"') {
        const bad = scanString();
        if (bad) return bad;
        expect = 'after';
      } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match) return fault('a malformed number');
        i += match[0].length;
        expect = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (!literal) return fault(describe(char));
        i += literal.length;
        expect = 'after';
      }
    } else if (expect === 'key') {
      if (char !== '"')
        return fault(`${describe(char)}; expected a property name in double quotes`);
      const bad = scanString();
      if (bad) return bad;
      skipWhitespace();
      if (text[i] !== ':') return fault(`${describe(text[i])}; expected ":"`);
      i += 1;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined)
        return i < text.length ? fault(`${describe(char)} after the end of the JSON`) : null;
      const close = top === 'object' ? '}' : ']';
      if (char === ',') {
        i += 1;
        expect = top === 'object' ? 'key' : 'value';
      } else if (char === close) {
        i += 1;
        stack.pop();
      } else {
        return fault(`${describe(char)}; expected "," or "${close}"`);
      }
    }
  }
}
