import type { PDFFont, PDFPage } from 'pdf-lib';
import type { CertificatePayload } from '../../../shared/accreditation/schema';
import { REGION_LABELS, SERVICE_CATEGORY_LABELS } from '../../../shared/providers/vocabulary';
import {
  ACCENT,
  MUTED,
  SHADE,
  drawLine,
  heightOf,
  leadingOf,
  linesOf,
  type Line,
  type TextStyle,
} from './pdf-layout';
import { fitSize, textWidth } from './pdf-text';
import { formatDate } from '../../../shared/text/dates';

export interface BodyFonts {
  sans: PDFFont;
  sansBold: PDFFont;
  serif: PDFFont;
  serifBold: PDFFont;
}

/** How much of the certificate's variable content to show, and how large. */
export interface Fit {
  scale: number;
  /** Services listed before "…and N more". */
  services: number;
  /** Characters of the conditions shown before they are cut short. */
  conditionChars: number;
}

/** What the body is laid out from: the certificate, its fonts, the fit tried and its column. */
export interface BodyLayout {
  cert: CertificatePayload;
  fonts: BodyFonts;
  fit: Fit;
  /** The column's left edge and width, in points. */
  x: number;
  width: number;
}

/** The small capitals over each section of the body ("SERVICES IN SCOPE", "CONDITIONS"). */
const sectionHeading = (fonts: BodyFonts, scale: number): TextStyle => ({
  font: fonts.sansBold,
  size: 8 * scale,
  color: ACCENT,
  leading: 14 * scale,
});

export interface Block {
  height: number;
  /** Space that may grow when the page has room to spare. */
  flex?: boolean;
  draw(page: PDFPage, top: number): void;
}

/** A line drawn `dx` points in from its column, for hanging indents. */
type Placed = Line & { dx?: number; beside?: boolean };

function centred(lines: Line[], centre: number): Block {
  return {
    height: heightOf(lines),
    draw(page, top) {
      for (const line of lines) {
        const width = textWidth(line.style.font, line.text, line.style.size);
        drawLine(page, line, centre - width / 2, top);
        top -= leadingOf(line.style);
      }
    },
  };
}

function gap(height: number): Block {
  return { height, flex: true, draw: () => undefined };
}

/** Lines down a column; a line marked `beside` shares the line box of the one before it. */
function columnBlock(lines: Placed[], x: number): Block {
  const advance = (line: Placed) => (line.beside ? 0 : leadingOf(line.style));
  return {
    height: lines.reduce((sum, line) => sum + advance(line), 0),
    draw(page, top) {
      for (const [i, line] of lines.entries()) {
        const next = lines[i + 1];
        drawLine(page, line, x + (line.dx ?? 0), top);
        if (!next?.beside) top -= leadingOf(line.style);
      }
    },
  };
}

/** The two scope columns: services with their categories, and the domains assessed. */
function scopeBlock({ cert, fonts, fit, x, width }: BodyLayout): Block {
  const scale = fit.scale;
  const colWidth = (width - 24) / 2;
  const heading = sectionHeading(fonts, scale);
  const name: TextStyle = { font: fonts.sansBold, size: 9.5 * scale, leading: 12.5 * scale };
  const detail: TextStyle = {
    font: fonts.sans,
    size: 8.5 * scale,
    color: MUTED,
    leading: 12 * scale,
  };
  const services = cert.scope.services;
  const left: Line[] = [...linesOf('SERVICES IN SCOPE', heading, colWidth)];
  for (const service of services.slice(0, fit.services)) {
    left.push(...linesOf(service.name, name, colWidth));
    const category =
      (SERVICE_CATEGORY_LABELS as Record<string, string>)[service.category] ?? service.category;
    left.push(...linesOf(category, detail, colWidth), {
      text: '',
      style: { ...detail, leading: 4 * scale },
    });
  }
  if (services.length > fit.services) {
    const more = services.length - fit.services;
    left.push(
      ...linesOf(
        `…and ${more} more, listed in the signed data attached to this PDF`,
        detail,
        colWidth,
      ),
    );
  }
  if (services.length === 0)
    left.push(...linesOf('No individual services listed', detail, colWidth));

  // Domain codes in a column of their own, titles wrapping beside them.
  const right: Placed[] = [...linesOf('STANDARDS DOMAINS COVERED', heading, colWidth)];
  const code: TextStyle = { ...name, font: fonts.sansBold };
  const codeWidth =
    Math.max(0, ...cert.scope.domains.map((d) => textWidth(fonts.sansBold, d.code, code.size))) +
    8 * scale;
  for (const domain of cert.scope.domains) {
    right.push({ text: domain.code, style: code });
    linesOf(domain.title, { ...name, font: fonts.sans }, colWidth - codeWidth).forEach((line, i) =>
      right.push({ ...line, dx: codeWidth, beside: i === 0 }),
    );
    right.push({ text: '', style: { ...name, leading: 3 * scale } });
  }
  const servicesColumn = columnBlock(left, x);
  const domainsColumn = columnBlock(right, x + colWidth + 24);
  return {
    height: Math.max(servicesColumn.height, domainsColumn.height),
    draw(page, top) {
      servicesColumn.draw(page, top);
      domainsColumn.draw(page, top);
    },
  };
}

function conditionsBlock({ cert, fonts, fit, x, width }: BodyLayout): Block {
  const scale = fit.scale;
  const pad = 10 * scale;
  const inner = width - 2 * pad - 4;
  let text = cert.decision.conditions ?? '';
  if (text.length > fit.conditionChars) {
    text = `${text.slice(0, fit.conditionChars).trimEnd()}… (the full conditions are in the signed data attached to this PDF)`;
  }
  const lines = [
    ...linesOf('CONDITIONS', sectionHeading(fonts, scale), inner),
    ...linesOf(text, { font: fonts.sans, size: 9.5 * scale, leading: 13 * scale }, inner),
    ...linesOf(
      `To be met by ${formatDate(cert.decision.conditionsDue)}. If they are not met by then, the accreditation lapses.`,
      { font: fonts.sansBold, size: 9 * scale, leading: 15 * scale },
      inner,
    ),
  ];
  const height = heightOf(lines) + 2 * pad;
  return {
    height,
    draw(page, top) {
      page.drawRectangle({ x, y: top - height, width, height, color: SHADE });
      page.drawRectangle({ x, y: top - height, width: 3, height, color: ACCENT });
      columnBlock(lines, x + pad + 4).draw(page, top - pad);
    },
  };
}

function holderLines({ cert, fonts, fit, width }: BodyLayout): Line[] {
  const scale = fit.scale;
  const size = fitSize(cert.holder.name, fonts.serifBold, {
    max: 26 * scale,
    min: 17 * scale,
    width,
  });
  const name = linesOf(
    cert.holder.name,
    { font: fonts.serifBold, size, leading: size * 1.3 },
    width,
  );
  const muted: TextStyle = {
    font: fonts.sans,
    size: 10 * scale,
    color: MUTED,
    leading: 14 * scale,
  };
  const region = cert.holder.region
    ? (REGION_LABELS as Record<string, string>)[cert.holder.region]
    : undefined;
  const place = [cert.holder.address, cert.holder.postcode, region].filter((p) => p).join(', ');
  const registered = [
    cert.holder.charityNumber ? `Registered charity ${cert.holder.charityNumber}` : '',
    cert.holder.companyNumber ? `Company number ${cert.holder.companyNumber}` : '',
  ].filter((p) => p);
  return [
    ...name,
    ...(place ? linesOf(place, muted, width) : []),
    ...(registered.length ? linesOf(registered.join('  ·  '), muted, width) : []),
  ];
}

/**
 * The variable middle of the certificate as blocks, top to bottom, at the given fit. The caller
 * tries fits from the most generous down until the blocks fit the space between the title and
 * the dates.
 */
export function certificateBody(layout: BodyLayout): Block[] {
  const { cert, fonts, fit, x, width } = layout;
  const scale = fit.scale;
  const centre = x + width / 2;
  const serif: TextStyle = { font: fonts.serif, size: 12 * scale, leading: 17 * scale };
  const conditional = cert.decision.outcome === 'conditional';
  const statement =
    `is accredited${conditional ? ', with conditions,' : ''} by ${cert.issuer.name} under ` +
    `${cert.framework.title} (${cert.framework.id}@${cert.framework.version}), ` +
    'following an independent assessment and a decision by people who did not assess it.';
  const blocks: Block[] = [
    centred(linesOf('This is to certify that', { ...serif, color: MUTED }, width), centre),
    gap(6 * scale),
    centred(holderLines(layout), centre),
    gap(10 * scale),
    centred(linesOf(statement, serif, width - 40), centre),
    gap(22 * scale),
    scopeBlock(layout),
  ];
  if (conditional) blocks.push(gap(16 * scale), conditionsBlock(layout));
  return blocks;
}

export function blocksHeight(blocks: readonly Block[]): number {
  return blocks.reduce((sum, b) => sum + b.height, 0);
}

/** Fits from the most generous to the most compact; the last one is used whatever its size. */
export function fits(cert: CertificatePayload): [Fit, ...Fit[]] {
  const all = cert.scope.services.length;
  const list: [Fit, ...Fit[]] = [{ scale: 1, services: all, conditionChars: Infinity }];
  for (const scale of [0.94, 0.88, 0.82, 0.76])
    list.push({ scale, services: all, conditionChars: Infinity });
  // Long conditions are shortened before the scope is, as the scope is what a certificate is for.
  for (const conditionChars of [1200, 900, 600])
    list.push({ scale: 0.76, services: all, conditionChars });
  for (let services = all - 1; services >= 3; services--)
    list.push({ scale: 0.76, services, conditionChars: 600 });
  list.push({ scale: 0.76, services: Math.min(all, 3), conditionChars: 300 });
  return list;
}
