import {
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { create as createQrCode } from 'qrcode';
import type { SignedDocument } from '../../../shared/signing/format';

/** Light modules a reader needs around the symbol, in modules (ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

/** The text a certificate's QR code carries: its number and the signature over its data. */
export function certificateQrText(doc: SignedDocument<{ number: string }>): string {
  return `SPQA-CERT:${doc.payload.number}:${doc.signature.keyId}:${doc.signature.value}`;
}

/**
 * Draws `text` as a QR code (error correction M) whose top-left corner is at (x, top) and whose
 * side is `size` points, quiet zone not included. The dark modules are drawn as one path of
 * horizontal runs filled once, so no hairline seams show between neighbouring modules.
 */
export function drawQrCode(
  page: PDFPage,
  text: string,
  { x, top, size, color }: { x: number; top: number; size: number; color: RGB },
) {
  const modules = createQrCode(text, { errorCorrectionLevel: 'M' }).modules;
  const n = modules.size;
  const unit = size / n;
  const ops = [pushGraphicsState(), setFillingRgbColor(color.red, color.green, color.blue)];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col += 1;
      ops.push(rectangle(x + start * unit, top - (row + 1) * unit, (col - start) * unit, unit));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
  return { modules: n, unit };
}
