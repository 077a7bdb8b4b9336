import type { PDFFont } from 'pdf-lib';

/**
 * Text as it may be drawn: composed (NFC), so "W" + combining circumflex becomes the single
 * glyph Ŵ the font has (pdf-lib ignores mark positioning), with tabs as spaces and no control
 * characters, which would otherwise show as missing-glyph boxes.
 */
export function clean(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\ufeff]/g, '')
  );
}

// Measuring runs the font's layout engine; wrapping and fitting measure the same words over and
// over, so widths are remembered per font (at size 1, as width grows linearly with size).
const widths = new WeakMap<PDFFont, Map<string, number>>();

export function textWidth(font: PDFFont, text: string, size: number): number {
  let known = widths.get(font);
  if (!known) {
    known = new Map();
    widths.set(font, known);
  }
  let width = known.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    if (known.size < 50_000) known.set(text, width);
  }
  return width * size;
}

/** Breaks one word that is wider than the line (a hash, a long link) at character boundaries. */
function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && textWidth(font, current + ch, size) > width) {
      parts.push(current);
      current = ch;
    } else {
      current += ch;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Lines of `text` that each fit `width` at this font and size; newlines start new lines. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of clean(text).split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(font, candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (textWidth(font, word, size) <= width) {
        line = word;
      } else {
        const pieces = breakWord(word, font, size, width);
        line = pieces.pop() ?? '';
        lines.push(...pieces);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The largest size from `max` down to `min` (in half points) at which `text` fits on one line. */
export function fitSize(
  text: string,
  font: PDFFont,
  { max, min, width }: { max: number; min: number; width: number },
) {
  let size = max;
  while (size > min && textWidth(font, clean(text), size) > width) size -= 0.5;
  return size;
}

/** A percentage as the app shows it: one decimal place at most. */
export function formatPercent(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}
