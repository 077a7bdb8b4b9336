import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { SNIFF_BYTES, sniffMediaType } from '../../electron/core/evidence/sniff';

/** A real 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a JFIF JPEG: SOI, then the APP0 segment. */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xdb,
]);
const PDF = Buffer.from(
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
  'latin1',
);

async function zipOf(name: string, content: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The head the store hands the sniffer for a longer file: its first SNIFF_BYTES bytes. */
const headOf = (content: Buffer) => content.subarray(0, SNIFF_BYTES);

describe('media type sniffing', () => {
  it('recognises binary formats by their signatures', async () => {
    expect(await sniffMediaType(PNG, true)).toBe('image/png');
    expect(await sniffMediaType(JPEG, true)).toBe('image/jpeg');
    expect(await sniffMediaType(PDF, true)).toBe('application/pdf');
    expect(await sniffMediaType(await zipOf('minutes.txt', 'AGM minutes'), true)).toBe(
      'application/zip',
    );
  });

  it('judges the content, whatever text it starts with after the signature', async () => {
    const pdfWithText = Buffer.concat([PDF, Buffer.from('plain words '.repeat(1000))]);
    expect(await sniffMediaType(headOf(pdfWithText), false)).toBe('application/pdf');
  });

  it('calls UTF-8 text text/plain, with tabs, line ends and non-ASCII characters', async () => {
    const text = Buffer.from('Safeguarding policy\r\n\tReviewed: 3 März 2025 — café, naïve 😊\n');
    expect(await sniffMediaType(text, true)).toBe('text/plain');
  });

  it('accepts a head cut in the middle of a multi-byte character at the sniff boundary', async () => {
    // Each case puts the cut after 1, 2 and 3 bytes of a character, right at byte SNIFF_BYTES.
    for (const [char, before] of [
      ['€', SNIFF_BYTES - 1],
      ['€', SNIFF_BYTES - 2],
      ['😊', SNIFF_BYTES - 3],
    ] as const) {
      const content = Buffer.concat([
        Buffer.from('a'.repeat(before)),
        Buffer.from(`${char} and more text after the boundary`),
      ]);
      const head = headOf(content);
      expect(head.length).toBe(SNIFF_BYTES);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(head)).toThrow();
      expect(await sniffMediaType(head, false), `${char} cut after ${before}`).toBe('text/plain');
    }
  });

  it('does not excuse a broken character at the end of a whole file', async () => {
    const truncated = Buffer.concat([Buffer.from('price: '), Buffer.from('€').subarray(0, 2)]);
    expect(await sniffMediaType(truncated, true)).toBe('application/octet-stream');
  });

  it('calls text in another encoding, or with NULs or control bytes, octet-stream', async () => {
    expect(await sniffMediaType(Buffer.from('caf\xe9 au lait, cr\xe8me', 'latin1'), true)).toBe(
      'application/octet-stream',
    );
    expect(await sniffMediaType(Buffer.from('abc\u0000def'), true)).toBe(
      'application/octet-stream',
    );
    const binary = Buffer.alloc(SNIFF_BYTES);
    for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 31) % 256;
    expect(await sniffMediaType(binary, false)).toBe('application/octet-stream');
    expect(await sniffMediaType(Buffer.from('text then a bell \u0007'), true)).toBe(
      'application/octet-stream',
    );
  });

  it('finds a NUL anywhere in the head, not only at the start', async () => {
    const head = Buffer.from('x'.repeat(SNIFF_BYTES));
    head[SNIFF_BYTES - 10] = 0;
    expect(await sniffMediaType(head, false)).toBe('application/octet-stream');
  });

  it('calls an empty head octet-stream', async () => {
    expect(await sniffMediaType(Buffer.alloc(0), true)).toBe('application/octet-stream');
  });
});
