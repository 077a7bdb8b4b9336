import { beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { create as createQrCode } from 'qrcode';
import type { CertificatePayload } from '../../shared/accreditation/schema';
import type { SignedDocument } from '../../shared/signing/format';
import { renderCertificatePdf } from '../../electron/core/exports/certificate-pdf';
import {
  CERTIFICATE_ATTACHMENT,
  extractPdfAttachment,
} from '../../electron/core/exports/pdf-attachment';
import { parseSignedDocument, signatureValid } from '../../electron/core/signing/documents';
import {
  CONDITIONAL_DECISION,
  signedCertificate,
  testNetworkKey,
  type TestKey,
} from '../helpers/certificates';
import { RESOURCES_DIR } from '../helpers/paths';
import {
  overlappingWords,
  pdfPages,
  pdfText,
  pdfWords,
  qpdfCheck,
  renderGray,
} from '../helpers/pdf-tools';

let key: TestKey;
let doc: SignedDocument<CertificatePayload>;
let pdf: Uint8Array;

beforeAll(async () => {
  key = testNetworkKey();
  doc = signedCertificate(key);
  pdf = await renderCertificatePdf(doc, RESOURCES_DIR);
});

/** What a verifier concludes from attached JSON: signed by this key, over exactly this content. */
function verifies(json: Uint8Array): boolean {
  try {
    const parsed = parseSignedDocument(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)),
      'test',
    );
    return parsed.signature.keyId === key.keyId && signatureValid(parsed, key.publicKey);
  } catch {
    return false;
  }
}

describe('the certificate PDF', () => {
  it('shows the holder, number, dates, scope, framework and decision, on one A4 page', async () => {
    const text = pdfText(pdf);
    const c = doc.payload;
    for (const expected of [
      'National Social Prescribing Quality Network'.toUpperCase(),
      'Certificate of accreditation',
      'Cymdeithas Gŵyl Ŷd',
      'Hen Ysgol, Stryd y Bont, Llanrwst, LL26 0LS, Wales',
      'Registered charity 1187654',
      'Company number 11223344',
      c.number,
      '2 March 2026',
      '4 March 2026',
      '3 March 2029',
      'National Quality Standards for Social Prescribing',
      'spqa-national@1.0.0',
      'is accredited by National Social Prescribing Quality Network',
      ...c.scope.services.map((s) => s.name),
      'Green, nature and gardening',
      'Advice (debt, benefits, housing)',
      ...c.scope.domains.map((d) => d.title),
      'Verify this certificate',
      'Its signed data is attached to this PDF (certificate.json)',
      'check it with SPQA or any Ed25519 tool',
      key.keyId,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('with conditions');
    const loaded = await PDFDocument.load(pdf);
    expect(loaded.getPageCount()).toBe(1);
    expect(loaded.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(loaded.getTitle()).toBe(`Certificate of accreditation ${c.number}: Cymdeithas Gŵyl Ŷd`);
    expect(loaded.getAuthor()).toBe(c.issuer.name);
    expect(loaded.getCreationDate()?.toISOString()).toBe('2026-03-04T00:00:00.000Z');
  });

  it('passes qpdf --check', () => {
    const check = qpdfCheck(pdf);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain('No syntax or stream encoding errors');
  });

  it('renders the same certificate to the same bytes', async () => {
    const again = await renderCertificatePdf(doc, RESOURCES_DIR);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it('states the conditions and their due date when accredited with conditions', async () => {
    const conditional = signedCertificate(key, {
      decision: CONDITIONAL_DECISION,
      supersedes: 'SPQA-2025-000007',
    });
    const text = pdfText(await renderCertificatePdf(conditional, RESOURCES_DIR));
    expect(text).toContain('Certificate of accreditation with conditions');
    expect(text).toContain('is accredited, with conditions, by');
    expect(text).toContain(CONDITIONAL_DECISION.conditions);
    expect(text).toContain('To be met by 1 June 2026');
    expect(text).toContain('This certificate replaces SPQA-2025-000007');
  });

  it('keeps a long scope and long conditions on one page, saying where the rest is', async () => {
    const services = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i}`,
      name: `Service ${i} of a long list`,
      category: 'arts',
    }));
    const long = signedCertificate(key, {
      scope: { services, domains: doc.payload.scope.domains },
      decision: {
        ...CONDITIONAL_DECISION,
        conditions: 'Meet the condition in full. '.repeat(140).trim(),
      },
      number: 'SPQA-2026-000042-R12',
    });
    const bytes = await renderCertificatePdf(long, RESOURCES_DIR);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const text = pdfText(bytes);
    expect(text).toMatch(/…and \d+ more, listed in the signed data attached to this PDF/);
    expect(text).toContain('the full conditions are in the signed data attached to this PDF');
    expect(text).toContain('SPQA-2026-000042-R12');
    expect(overlappingWords(pdfWords(bytes))).toEqual([]);
  });

  it('draws no words over each other and none outside the frame', () => {
    const words = pdfWords(pdf);
    expect(words.length).toBeGreaterThan(100);
    expect(overlappingWords(words)).toEqual([]);
    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThan(30);
      expect(w.xMax, w.text).toBeLessThan(595.28 - 30);
      expect(w.yMin, w.text).toBeGreaterThan(30);
      expect(w.yMax, w.text).toBeLessThan(841.89 - 30);
    }
  });
});

describe('names with Welsh and Irish accents', () => {
  it('render in the PDF’s text, composed or written with combining marks', async () => {
    const names = [
      'Cymdeithas Gŵyl Ŷd',
      'Cymdeithas Gw\u0302yl Y\u0302d',
      'Comhar Ó Súilleabháin Éire',
    ];
    for (const name of names) {
      const bytes = await renderCertificatePdf(
        signedCertificate(key, { holder: { ...doc.payload.holder, name } }),
        RESOURCES_DIR,
      );
      expect(pdfPages(bytes)[0]).toContain(name.normalize('NFC'));
    }
  });
});

describe('the attached signed data', () => {
  it('is exactly the signed JSON, and it verifies', async () => {
    const attached = await extractPdfAttachment(pdf, CERTIFICATE_ATTACHMENT, 'cert.pdf');
    expect(new TextDecoder().decode(attached)).toBe(JSON.stringify(doc, null, 2));
    expect(verifies(attached)).toBe(true);
  });

  it('stops verifying when any one of its bytes is changed', async () => {
    const attached = await extractPdfAttachment(pdf, CERTIFICATE_ATTACHMENT, 'cert.pdf');
    const survivors: number[] = [];
    for (let i = 0; i < attached.length; i++) {
      const copy = attached.slice();
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      if (verifies(copy)) survivors.push(i);
    }
    expect(survivors).toEqual([]);
  });

  it('of a certificate changed after signing does not verify', async () => {
    const forged = { ...doc, payload: { ...doc.payload, expiresOn: '2039-03-03' } };
    const bytes = await renderCertificatePdf(forged, RESOURCES_DIR);
    expect(pdfText(bytes)).toContain('3 March 2039');
    expect(verifies(await extractPdfAttachment(bytes, CERTIFICATE_ATTACHMENT, 'forged.pdf'))).toBe(
      false,
    );
  });
});

/** The QR code's dark runs, read back from the page's drawing operators. */
async function qrRuns(
  bytes: Uint8Array,
): Promise<{ x: number; y: number; w: number; h: number }[]> {
  const page = (await PDFDocument.load(bytes)).getPage(0);
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((r) => page.node.context.lookup(r))
      : [contents];
  const ops = streams
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()))
    .join('\n');
  return [...ops.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));
}

describe('the QR code', () => {
  it('is the number and signature, drawn module for module and visible on the rendered page', async () => {
    const text = `SPQA-CERT:${doc.payload.number}:${key.keyId}:${doc.signature.value}`;
    const expected = createQrCode(text, { errorCorrectionLevel: 'M' }).modules;
    const n = expected.size;

    const runs = await qrRuns(pdf);
    const unit = Math.min(...runs.map((r) => r.h));
    const left = Math.min(...runs.map((r) => r.x));
    const top = Math.max(...runs.map((r) => r.y + r.h));
    expect(Math.round((Math.max(...runs.map((r) => r.x + r.w)) - left) / unit)).toBe(n);
    const drawn = new Uint8Array(n * n);
    for (const r of runs) {
      const row = Math.round((top - r.y - r.h) / unit);
      const col = Math.round((r.x - left) / unit);
      for (let k = 0; k < Math.round(r.w / unit); k++) drawn[row * n + col + k] = 1;
    }
    expect(Array.from(drawn)).toEqual(Array.from(expected.data));

    // The page as a reader's camera sees it: every module the right shade, the quiet zone clear.
    const dpi = 150;
    const image = renderGray(pdf, dpi);
    const px = (pt: number) => (pt * dpi) / 72;
    let wrong = 0;
    for (let row = -4; row < n + 4; row++) {
      for (let col = -4; col < n + 4; col++) {
        const inside = row >= 0 && col >= 0 && row < n && col < n;
        const dark = inside && expected.data[row * n + col] === 1;
        const x = Math.floor(px(left + (col + 0.5) * unit));
        const y = Math.floor(image.height - px(top - (row + 0.5) * unit));
        const value = image.pixels[y * image.width + x] ?? 255;
        if (dark ? value > 96 : value < 160) wrong += 1;
      }
    }
    expect(wrong).toBe(0);
  });
});
