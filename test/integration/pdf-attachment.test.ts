import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  type PDFDict,
  type PDFRef,
} from 'pdf-lib';
import { AppError } from '../../electron/core/errors';
import { renderCertificatePdf } from '../../electron/core/exports/certificate-pdf';
import {
  CERTIFICATE_ATTACHMENT,
  extractPdfAttachment,
} from '../../electron/core/exports/pdf-attachment';
import { signedCertificate, testNetworkKey } from '../helpers/certificates';
import { RESOURCES_DIR } from '../helpers/paths';
import { pdfFile } from '../helpers/pdf-tools';

let certificatePdf: Uint8Array;
let json: string;

beforeAll(async () => {
  const doc = signedCertificate(testNetworkKey());
  json = JSON.stringify(doc, null, 2);
  certificatePdf = await renderCertificatePdf(doc, RESOURCES_DIR);
});

/** The error extraction fails with; the test fails if it succeeds or fails any other way. */
async function refusal(bytes: Uint8Array, fileName = 'upload.pdf'): Promise<AppError> {
  try {
    await extractPdfAttachment(bytes, CERTIFICATE_ATTACHMENT, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).message).toContain(fileName);
    return error as AppError;
  }
  throw new Error('expected the extraction to be refused');
}

/** A one-page PDF whose EmbeddedFiles tree the test builds from low-level objects. */
async function pdfWithTree(
  build: (pdf: PDFDocument, file: (text: string, compress?: boolean) => PDFRef) => PDFDict,
) {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const file = (text: string, compress = true) => {
    const bytes = new TextEncoder().encode(text);
    const stream = compress
      ? pdf.context.flateStream(bytes, { Type: 'EmbeddedFile' })
      : pdf.context.stream(bytes, { Type: 'EmbeddedFile' });
    const spec = pdf.context.obj({ Type: 'Filespec', EF: { UF: pdf.context.register(stream) } });
    return pdf.context.register(spec);
  };
  pdf.catalog.set(PDFName.of('Names'), pdf.context.obj({ EmbeddedFiles: build(pdf, file) }));
  return pdf.save();
}

describe('reading the attached certificate', () => {
  it('finds it in a nested name tree, stored with or without compression', async () => {
    for (const compress of [true, false]) {
      const bytes = await pdfWithTree((pdf, file) => {
        const leaf = pdf.context.obj({
          Names: [
            PDFString.of('a.txt'),
            file('other'),
            PDFHexString.fromText(CERTIFICATE_ATTACHMENT),
            file(json, compress),
          ],
        });
        return pdf.context.obj({
          Kids: [pdf.context.register(pdf.context.obj({ Kids: [pdf.context.register(leaf)] }))],
        });
      });
      const attached = await extractPdfAttachment(bytes, CERTIFICATE_ATTACHMENT, 'nested.pdf');
      expect(new TextDecoder().decode(attached)).toBe(json);
    }
  });
});

describe('files that are not certificate PDFs', () => {
  it('refuses what is not a PDF at all', async () => {
    for (const bytes of [
      new Uint8Array(),
      new TextEncoder().encode(json),
      new TextEncoder().encode('%PDF'),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    ]) {
      expect((await refusal(bytes, 'photo.png')).message).toBe('photo.png is not a PDF');
    }
  });

  it('says a truncated PDF is damaged or truncated', async () => {
    for (const share of [0.1, 0.5, 0.9, 0.999]) {
      const cut = certificatePdf.subarray(0, Math.floor(certificatePdf.length * share));
      expect((await refusal(cut, 'cut.pdf')).message).toMatch(/^cut\.pdf is damaged or truncated/);
    }
  });

  it('says a PDF that cannot be parsed is damaged', async () => {
    const junk = new TextEncoder().encode(`%PDF-1.7\n${'(unbalanced <<'.repeat(50)}\n%%EOF\n`);
    expect((await refusal(junk, 'junk.pdf')).message).toMatch(/^junk\.pdf is damaged or truncated/);
  });

  it('says a PDF with no attached certificate is not a certificate PDF', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    const other = await PDFDocument.create();
    other.addPage();
    await other.attach(new TextEncoder().encode('{}'), 'invoice.json', {
      mimeType: 'application/json',
    });
    for (const bytes of [await plain.save(), await other.save()]) {
      expect((await refusal(bytes, 'letter.pdf')).message).toBe(
        'letter.pdf has no attached certificate.json; it is not a certificate PDF from SPQA',
      );
    }
  });

  it('stops at a name tree that loops back on itself', async () => {
    const bytes = await pdfWithTree((pdf) => {
      const node = pdf.context.obj({});
      const ref = pdf.context.register(node);
      node.set(PDFName.of('Kids'), pdf.context.obj([ref, ref]));
      return pdf.context.obj({ Kids: [ref] });
    });
    const started = Date.now();
    expect((await refusal(bytes, 'loop.pdf')).message).toContain(
      'has no attached certificate.json',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses an attachment that inflates beyond any certificate', async () => {
    const bomb = await PDFDocument.create();
    bomb.addPage();
    await bomb.attach(new Uint8Array(6 * 1024 * 1024), CERTIFICATE_ATTACHMENT);
    const bytes = await bomb.save();
    expect(bytes.length).toBeLessThan(100_000);
    expect((await refusal(bytes, 'bomb.pdf')).message).toBe(
      'bomb.pdf: the attached file is implausibly large',
    );
  });

  it('says an attachment whose compressed data is broken is damaged', async () => {
    const bytes = await pdfWithTree((pdf) => {
      const broken = PDFRawStream.of(
        pdf.context.obj({ Type: 'EmbeddedFile', Filter: 'FlateDecode' }),
        new Uint8Array([0x78, 0x9c, 1, 2, 3, 4, 5, 6, 7, 8]),
      );
      const spec = pdf.context.obj({ Type: 'Filespec', EF: { F: pdf.context.register(broken) } });
      return pdf.context.obj({
        Names: [PDFString.of(CERTIFICATE_ATTACHMENT), pdf.context.register(spec)],
      });
    });
    expect((await refusal(bytes, 'broken.pdf')).message).toBe(
      'broken.pdf is damaged or truncated: its attached certificate.json cannot be read',
    );
  });

  it('says an encrypted PDF cannot be read', async () => {
    const plain = pdfFile(certificatePdf, 'plain');
    const encrypted = plain.replace(/\.pdf$/, '-encrypted.pdf');
    const run = spawnSync(
      'qpdf',
      ['--encrypt', '', 'owner-password', '256', '--', plain, encrypted],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect((await refusal(readFileSync(encrypted), 'locked.pdf')).message).toBe(
      'locked.pdf is encrypted, so its attached certificate cannot be read',
    );
  });

  it('answers every damaged copy of a certificate PDF with the signed JSON or a clear refusal', async () => {
    // A fixed-seed generator, so a failure can be replayed.
    let seed = 20260304;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 60; round++) {
      const copy = certificatePdf.slice();
      const flips = 1 + Math.floor(random() * 20);
      for (let i = 0; i < flips; i++) {
        const at = 8 + Math.floor(random() * (copy.length - 8));
        copy[at] = Math.floor(random() * 256);
      }
      try {
        const attached = await extractPdfAttachment(copy, CERTIFICATE_ATTACHMENT, 'fuzzed.pdf');
        expect(attached.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(AppError);
        expect((error as AppError).message).toContain('fuzzed.pdf');
      }
    }
  });
});
