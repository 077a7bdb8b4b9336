/**
 * Control characters other than tab, line feed and carriage return. They have no place in names,
 * addresses or published standards, can hide text from a reader, and break the files we export.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

export const CONTROL_CHARACTER_MESSAGE = 'contains a control character';
