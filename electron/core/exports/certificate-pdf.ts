import { AFRelationship, PDFDocument, type PDFPage } from 'pdf-lib';
import type { CertificatePayload } from '../../../shared/accreditation/schema';
import { OUTCOME_LABELS } from '../../../shared/assessment/ratings';
import type { SignedDocument } from '../../../shared/signing/format';
import { blocksHeight, certificateBody, fits } from './certificate-body';
import { CERTIFICATE_ATTACHMENT } from './pdf-attachment';
import { embedFonts, type FontName } from './pdf-fonts';
import {
  A4,
  ACCENT,
  INK,
  MUTED,
  RULE,
  drawCentred,
  drawLine,
  leadingOf,
  linesOf,
  type TextStyle,
} from './pdf-layout';
import { certificateQrText, drawQrCode } from './pdf-qr';
import { fitSize } from './pdf-text';
import { formatDate } from '../../../shared/text/dates';

const FONTS: FontName[] = ['sans', 'sansBold', 'serif', 'serifBold', 'mono'];
const MARGIN_X = 64;
const CONTENT_WIDTH = A4.width - 2 * MARGIN_X;
const CENTRE = A4.width / 2;
/** The variable middle ends above the dates; it starts under the title, whose height varies. */
const DATES_TOP = 212;
const QR_TOP = DATES_TOP - 62;
const BODY_BOTTOM = DATES_TOP + 18;
const QR_SIZE = 92;

/** A double rule around the page, as certificates have. */
function drawFrame(page: PDFPage): void {
  for (const { inset, borderWidth } of [
    { inset: 22, borderWidth: 2 },
    { inset: 28, borderWidth: 0.5 },
  ])
    page.drawRectangle({
      x: inset,
      y: inset,
      width: A4.width - 2 * inset,
      height: A4.height - 2 * inset,
      borderColor: ACCENT,
      borderWidth,
    });
}

type Fonts = Awaited<ReturnType<typeof embedFonts<FontName>>>;

/** Draws the network's name and the title; returns where the body may start. */
function drawTitle(page: PDFPage, cert: CertificatePayload, fonts: Fonts): number {
  const network: TextStyle = { font: fonts.sansBold, size: 10.5, color: ACCENT, leading: 14 };
  const networkLines = linesOf(cert.issuer.name.toUpperCase(), network, CONTENT_WIDTH);
  let top = 792;
  for (const line of networkLines) {
    drawCentred(page, line.text, network, CENTRE, top);
    top -= leadingOf(network);
  }
  drawCentred(
    page,
    'Certificate of accreditation',
    { font: fonts.serifBold, size: 30, leading: 40 },
    CENTRE,
    top - 14,
  );
  top -= 54;
  if (cert.decision.outcome === 'conditional') {
    drawCentred(
      page,
      'with conditions',
      { font: fonts.serif, size: 17, color: ACCENT, leading: 22 },
      CENTRE,
      top,
    );
    top -= 28;
  }
  top -= 8;
  page.drawLine({
    start: { x: CENTRE - 40, y: top },
    end: { x: CENTRE + 40, y: top },
    thickness: 1.2,
    color: ACCENT,
  });
  return top - 24;
}

/** Certificate number and dates in four labelled cells across the page. */
function drawDates(page: PDFPage, cert: CertificatePayload, fonts: Fonts): void {
  const cells: [string, string][] = [
    ['CERTIFICATE NUMBER', cert.number],
    ['DECIDED', formatDate(cert.decision.decidedOn)],
    ['ISSUED', formatDate(cert.issuedOn)],
    ['VALID UNTIL', formatDate(cert.expiresOn)],
  ];
  const width = CONTENT_WIDTH / cells.length;
  page.drawLine({
    start: { x: MARGIN_X, y: DATES_TOP },
    end: { x: A4.width - MARGIN_X, y: DATES_TOP },
    thickness: 0.5,
    color: RULE,
  });
  cells.forEach(([name, value], i) => {
    const centre = MARGIN_X + width * (i + 0.5);
    drawCentred(
      page,
      name,
      { font: fonts.sans, size: 7, color: MUTED, leading: 12 },
      centre,
      DATES_TOP - 8,
    );
    // A reissued number ("…-R12") is longer; it shrinks rather than run into its neighbour.
    const size = fitSize(value, fonts.sansBold, { max: 10.5, min: 7, width: width - 6 });
    drawCentred(page, value, { font: fonts.sansBold, size, leading: 15 }, centre, DATES_TOP - 21);
  });
  page.drawLine({
    start: { x: MARGIN_X, y: DATES_TOP - 42 },
    end: { x: A4.width - MARGIN_X, y: DATES_TOP - 42 },
    thickness: 0.5,
    color: RULE,
  });
}

/** The QR code and, beside it, how to check the certificate. */
function drawVerification(
  page: PDFPage,
  doc: SignedDocument<CertificatePayload>,
  fonts: Fonts,
): void {
  const cert = doc.payload;
  drawQrCode(page, certificateQrText(doc), { x: MARGIN_X, top: QR_TOP, size: QR_SIZE, color: INK });
  const x = MARGIN_X + QR_SIZE + 20;
  const width = A4.width - MARGIN_X - x;
  const body: TextStyle = { font: fonts.sans, size: 8.5, color: INK, leading: 12 };
  const small: TextStyle = { font: fonts.sans, size: 7.5, color: MUTED, leading: 10.5 };
  const lines = [
    ...linesOf(
      'Verify this certificate',
      { font: fonts.sansBold, size: 9.5, color: ACCENT, leading: 14 },
      width,
    ),
    ...linesOf(
      `Its signed data is attached to this PDF (${CERTIFICATE_ATTACHMENT}); check it with SPQA or any Ed25519 tool. ` +
        'The QR code carries the certificate number and its signature. ' +
        `Ask ${cert.issuer.name} or see its register for the certificate’s current status.`,
      body,
      width,
    ),
    { text: '', style: { ...small, leading: 5 } },
    ...(cert.supersedes
      ? linesOf(`This certificate replaces ${cert.supersedes}.`, small, width)
      : []),
    ...linesOf(
      `Assessment ${cert.assessment.id}, revision ${cert.assessment.revision}`,
      small,
      width,
    ),
    ...linesOf(
      `Signing key ${doc.signature.keyId}`,
      { ...small, font: fonts.mono, size: 7 },
      width,
    ),
  ];
  let top = QR_TOP + 2;
  for (const line of lines) {
    drawLine(page, line, x, top);
    top -= leadingOf(line.style);
  }
}

/**
 * The most generous fit of the holder, statement, scope and conditions that the space allows.
 * Room left over widens the gaps between them (up to a limit), so a short certificate does not
 * leave one empty band above the dates.
 */
function drawBody(page: PDFPage, cert: CertificatePayload, fonts: Fonts, bodyTop: number): void {
  const space = bodyTop - BODY_BOTTOM;
  // Each fit is more compact than the one before, so the first that fits is found by bisection.
  const candidates = fits(cert);
  const layout = (i: number) =>
    certificateBody({
      cert,
      fonts,
      fit: candidates[i] ?? candidates[0],
      x: MARGIN_X,
      width: CONTENT_WIDTH,
    });
  let low = 0;
  let high = candidates.length - 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (blocksHeight(layout(mid)) <= space) high = mid;
    else low = mid + 1;
  }
  const blocks = layout(low);
  const flexible = blocks.filter((b) => b.flex).length;
  const spare = Math.max(0, space - blocksHeight(blocks));
  const extra = flexible ? Math.min(spare / (flexible + 1), 22) : 0;
  let top = bodyTop - Math.min(Math.max(0, spare - extra * flexible) * 0.3, 30);
  for (const block of blocks) {
    block.draw(page, top);
    top -= block.height + (block.flex ? extra : 0);
  }
}

function setMetadata(pdf: PDFDocument, cert: CertificatePayload, issued: Date): void {
  const outcome = OUTCOME_LABELS[cert.decision.outcome];
  pdf.setTitle(`Certificate of accreditation ${cert.number}: ${cert.holder.name}`);
  pdf.setAuthor(cert.issuer.name);
  pdf.setSubject(
    `${outcome}: ${cert.holder.name} under ${cert.framework.title} (${cert.framework.id}@${cert.framework.version}), ` +
      `valid ${cert.issuedOn} to ${cert.expiresOn}`,
  );
  pdf.setKeywords(['accreditation', 'certificate', 'social prescribing', cert.number]);
  pdf.setCreator('SPQA');
  pdf.setProducer('SPQA');
  pdf.setLanguage('en-GB');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
}

/**
 * The certificate as one A4 page with its signed JSON attached, so the PDF alone can be verified.
 * Every date in the file comes from the certificate, so the same certificate renders the same bytes.
 */
export async function renderCertificatePdf(
  doc: SignedDocument<CertificatePayload>,
  resourcesDir: string,
): Promise<Uint8Array> {
  const cert = doc.payload;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(pdf, resourcesDir, FONTS);
  const page = pdf.addPage([A4.width, A4.height]);
  drawFrame(page);
  const bodyTop = drawTitle(page, cert, fonts);
  drawBody(page, cert, fonts, bodyTop);

  drawDates(page, cert, fonts);
  drawVerification(page, doc, fonts);

  const issued = new Date(`${cert.issuedOn}T00:00:00Z`);
  setMetadata(pdf, cert, issued);
  await pdf.attach(new TextEncoder().encode(JSON.stringify(doc, null, 2)), CERTIFICATE_ATTACHMENT, {
    mimeType: 'application/json',
    description: `Signed certificate ${cert.number} (Ed25519, key ${doc.signature.keyId})`,
    creationDate: issued,
    modificationDate: issued,
    afRelationship: AFRelationship.Source,
  });
  // One page is written in a few milliseconds: pdf-lib's pauses for the event loop (a timer every
  // 50 objects, a millisecond or more each) would cost more than they give back in a batch.
  return pdf.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}

/** The PDF of a certificate as stored, its signed document's JSON text; bad JSON rejects. */
export async function renderStoredCertificatePdf(
  document: string,
  resourcesDir: string,
): Promise<Uint8Array> {
  return renderCertificatePdf(
    JSON.parse(document) as SignedDocument<CertificatePayload>,
    resourcesDir,
  );
}
