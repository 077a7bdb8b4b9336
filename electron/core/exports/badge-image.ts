import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import * as PImage from 'pureimage';
import { formatDate } from '../../../shared/text/dates';

/** What the badge image says. */
export interface BadgeFace {
  network: string;
  holder: string;
  /** The award in words: "Accredited" or "Accredited with conditions". */
  wording: string;
  validUntil: string;
  number: string;
  /** Where its current status can be checked: the register's web address, when there is one. */
  checkAt: string | null;
}

const SIZE = 600;
const BLUE = '#1d4f91';
const INK = '#1f2933';
const FONTS = { regular: 'SpqaSans', bold: 'SpqaSansBold' } as const;

const registered = new Set<string>();

/** pureimage keeps fonts in one registry per process; each is loaded once. */
function loadFonts(resourcesDir: string): void {
  for (const [family, file] of [
    [FONTS.regular, 'DejaVuSans.ttf'],
    [FONTS.bold, 'DejaVuSans-Bold.ttf'],
  ] as const) {
    if (registered.has(family)) continue;
    PImage.registerFont(join(resourcesDir, 'fonts', file), family).loadSync();
    registered.add(family);
  }
}

type Context = ReturnType<ReturnType<typeof PImage.make>['getContext']>;

/** Breaks text into lines no wider than `width` at this font, at most `max` lines (the last cut short). */
function lines(c: Context, text: string, width: number, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (c.measureText(tried).width <= width || !line) line = tried;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length <= max) return out;
  const kept = out.slice(0, max);
  kept[max - 1] = `${kept[max - 1] ?? ''}…`;
  return kept;
}

function centred(c: Context, text: string, y: number, font: string, colour: string): void {
  c.font = font;
  c.fillStyle = colour;
  c.fillText(text, (SIZE - c.measureText(text).width) / 2, y);
}

/**
 * A square PNG badge: the network, the award in words, the holder, the date it is valid until
 * and the certificate number, in the DejaVu fonts the PDFs use (so Welsh and Irish names show).
 * The credential itself is baked in afterwards (png-itxt.ts).
 */
export async function drawBadgeImage(face: BadgeFace, resourcesDir: string): Promise<Buffer> {
  loadFonts(resourcesDir);
  const image = PImage.make(SIZE, SIZE);
  const c = image.getContext('2d');
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, SIZE, SIZE);
  c.fillStyle = BLUE;
  c.beginPath();
  c.arc(SIZE / 2, SIZE / 2, SIZE / 2 - 6, 0, Math.PI * 2);
  c.closePath();
  c.fill();
  c.fillStyle = '#ffffff';
  c.beginPath();
  c.arc(SIZE / 2, SIZE / 2, SIZE / 2 - 26, 0, Math.PI * 2);
  c.closePath();
  c.fill();

  let y = 150;
  c.font = `16pt ${FONTS.regular}`;
  for (const line of lines(c, face.network, 380, 2)) {
    centred(c, line, y, `16pt ${FONTS.regular}`, INK);
    y += 28;
  }
  y += 30;
  c.font = `30pt ${FONTS.bold}`;
  for (const line of lines(c, face.wording.toUpperCase(), 420, 2)) {
    centred(c, line, y, `30pt ${FONTS.bold}`, BLUE);
    y += 48;
  }
  y += 16;
  c.font = `20pt ${FONTS.bold}`;
  for (const line of lines(c, face.holder, 400, 3)) {
    centred(c, line, y, `20pt ${FONTS.bold}`, INK);
    y += 34;
  }
  y += 18;
  centred(c, `Valid until ${formatDate(face.validUntil)}`, y, `15pt ${FONTS.regular}`, INK);
  y += 28;
  centred(c, `Certificate ${face.number}`, y, `13pt ${FONTS.regular}`, INK);
  if (face.checkAt) {
    c.font = `11pt ${FONTS.regular}`;
    const [line] = lines(c, `Check its status at ${face.checkAt}`, 380, 1);
    centred(c, line ?? '', Math.max(y + 30, 500), `11pt ${FONTS.regular}`, INK);
  }

  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (part: Buffer) => parts.push(part));
  await PImage.encodePNGToStream(image, out);
  return Buffer.concat(parts);
}
