import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { clean, textWidth, wrapText } from './pdf-text';

/** A4 in points; both PDFs are printed in the UK. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export const INK = rgb(0.11, 0.13, 0.16);
export const MUTED = rgb(0.38, 0.41, 0.45);
export const RULE = rgb(0.78, 0.8, 0.83);
export const ACCENT = rgb(0.05, 0.32, 0.42);
export const SHADE = rgb(0.95, 0.96, 0.97);

export interface TextStyle {
  font: PDFFont;
  size: number;
  color?: RGB;
  /** Line height in points; 1.35 × size when not given. */
  leading?: number;
}

export interface Line {
  text: string;
  style: TextStyle;
}

export const leadingOf = (style: TextStyle) => style.leading ?? style.size * 1.35;

/** Draws one line of text whose line box has its top at `top`. */
export function drawLine(page: PDFPage, line: Line, x: number, top: number): void {
  const text = clean(line.text);
  if (!text) return;
  const { font, size, color } = line.style;
  // Centre the capitals in the line box: they stand about 0.72 em above the baseline.
  const baseline = top - leadingOf(line.style) / 2 - size * 0.36;
  page.drawText(text, { x, y: baseline, font, size, color: color ?? INK });
}

export function linesOf(text: string, style: TextStyle, width: number): Line[] {
  return wrapText(text, style.font, style.size, width).map((t) => ({ text: t, style }));
}

export const heightOf = (lines: readonly Line[]) =>
  lines.reduce((sum, line) => sum + leadingOf(line.style), 0);

/** A table cell: plain text in the table's body style, or paragraphs in styles of their own. */
export type Cell = string | readonly { text: string; style?: TextStyle }[];

export interface Column {
  header: string;
  /** A share of the table's width; the shares add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

export interface Row {
  cells: readonly Cell[];
  /** A paragraph under the cells that spans the whole row (a hash, a long note). */
  full?: Cell;
}

export interface TableStyle {
  header: TextStyle;
  body: TextStyle;
  padX?: number;
  padY?: number;
  /** Shade every other row, which helps the eye along wide rows. */
  zebra?: boolean;
}

interface Slot {
  height: number;
  draw(page: PDFPage, top: number): void;
}

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * A cursor running down A4 pages: it wraps text to the margins and starts a new page (drawing
 * the running header through `onNewPage`) whenever the next piece would not fit.
 */
export class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  /** The top of the space still free on the current page. */
  y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    readonly margins: Margins,
    private readonly onNewPage: (page: PDFPage) => void = () => undefined,
  ) {
    this.newPage();
  }

  get left() {
    return this.margins.left;
  }
  get width() {
    return A4.width - this.margins.left - this.margins.right;
  }
  get top() {
    return A4.height - this.margins.top;
  }
  get bottom() {
    return this.margins.bottom;
  }
  /** Nothing has been drawn on this page yet. */
  get fresh() {
    return this.y === this.top;
  }

  newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = this.top;
    this.onNewPage(this.page);
  }

  /**
   * Headings, and the intro or space after them, wait here until what follows is placed, so
   * they move to the next page with it and never end a page on their own.
   */
  private held: { lines: Line[]; space: number }[] = [];

  /** Starts a new page unless `height` (after anything held) still fits on this one. */
  ensure(height: number): void {
    const held = this.held.reduce((sum, block) => sum + heightOf(block.lines) + block.space, 0);
    if (!this.fresh && this.y - held - height < this.bottom) this.newPage();
    const blocks = this.held;
    this.held = [];
    for (const block of blocks) {
      for (const line of block.lines) {
        drawLine(this.page, line, this.left, this.y);
        this.y -= leadingOf(line.style);
      }
      this.y -= block.space;
    }
  }

  /** Vertical space; none at the top of a page, where it would only push content down. */
  gap(height: number): void {
    const last = this.held.at(-1);
    if (last) {
      last.space += height;
      return;
    }
    if (this.fresh) return;
    if (this.y - height < this.bottom) this.newPage();
    else this.y -= height;
  }

  /**
   * Wrapped text, broken across pages between lines (never leaving one line alone). With
   * `withNext` it is held with what follows, like a heading.
   */
  paragraph(text: string, style: TextStyle, options: { withNext?: boolean } = {}): void {
    const lines = linesOf(text, style, this.width);
    if (options.withNext) {
      this.held.push({ lines, space: 0 });
      return;
    }
    this.ensure(Math.min(heightOf(lines), leadingOf(style) * 2));
    for (const line of lines) {
      this.ensure(leadingOf(line.style));
      drawLine(this.page, line, this.left, this.y);
      this.y -= leadingOf(line.style);
    }
  }

  /** A heading, held until the content after it is placed. */
  heading(text: string, style: TextStyle): void {
    this.held.push({ lines: linesOf(text, style, this.width), space: 0 });
  }

  /** Places anything still held (a heading with nothing after it). */
  finish(): void {
    this.ensure(0);
  }

  /** A horizontal rule across the text width. */
  rule(color: RGB = RULE, thickness = 0.5): void {
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.width, y: this.y },
      thickness,
      color,
    });
  }

  /**
   * A table whose header repeats on every page it reaches. A row moves whole to the next page
   * when it fits there; only a row taller than a page is split, between its lines.
   */
  table(columns: readonly Column[], rows: readonly Row[], style: TableStyle): void {
    const padX = style.padX ?? 4;
    const padY = style.padY ?? 3;
    const widths = columns.map((c) => c.width * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const grid: TableGrid = { columns, xs, widths, padX };
    const cellLines = (cell: Cell, width: number): Line[] =>
      typeof cell === 'string'
        ? linesOf(cell, style.body, width)
        : cell.flatMap((part) => linesOf(part.text, part.style ?? style.body, width));

    const headerSlots = this.slotsFor(
      columns.map((c, i) => linesOf(c.header, style.header, (widths[i] ?? 0) - 2 * padX)),
      [],
      grid,
    );
    const showHeader = columns.some((c) => c.header !== '');
    const headerHeight = showHeader ? sumHeights(headerSlots) + 2 * padY : 0;
    const drawHeader = () => {
      if (!showHeader) return;
      this.page.drawRectangle({
        x: this.left,
        y: this.y - headerHeight,
        width: this.width,
        height: headerHeight,
        color: SHADE,
      });
      let top = this.y - padY;
      for (const slot of headerSlots) {
        slot.draw(this.page, top);
        top -= slot.height;
      }
      this.y -= headerHeight;
      this.rule(MUTED, 0.75);
    };

    const capacity = this.top - this.bottom - headerHeight - 2 * padY;
    const rowSlots = rows.map((row) =>
      this.slotsFor(
        row.cells.map((cell, i) => cellLines(cell, (widths[i] ?? 0) - 2 * padX)),
        row.full === undefined ? [] : cellLines(row.full, this.width - 2 * padX),
        grid,
      ),
    );
    // A short table is kept on one page; a longer one starts where its first rows fit (up to
    // three, or a third of a page), so its header is never left alone at the foot of a page.
    const rowHeights = rowSlots.map((slots) => sumHeights(slots) + 2 * padY);
    const total = headerHeight + rowHeights.reduce((a, b) => a + b, 0);
    const lead =
      headerHeight +
      Math.min(
        rowHeights.slice(0, 3).reduce((a, b) => a + b, 0),
        capacity / 3,
      );
    this.ensure(total <= capacity / 4 ? total : lead);
    drawHeader();
    rowSlots.forEach((slots, index) => {
      let next = 0;
      while (next < slots.length) {
        const remaining = sumHeights(slots.slice(next));
        const room = this.y - this.bottom - 2 * padY;
        let count = 0;
        let height = 0;
        for (const slot of slots.slice(next)) {
          if (height + slot.height > room) break;
          height += slot.height;
          count += 1;
        }
        const whole = count === slots.length - next;
        const startedHere = this.y === this.top || this.y === this.top - headerHeight;
        if (!whole && !startedHere && (remaining <= capacity || count === 0)) {
          this.newPage();
          drawHeader();
          continue;
        }
        if (count === 0) {
          // A single line taller than a page cannot be split further; draw it and move on.
          count = 1;
          height = slots[next]?.height ?? 0;
        }
        if (style.zebra && index % 2 === 1) {
          this.page.drawRectangle({
            x: this.left,
            y: this.y - height - 2 * padY,
            width: this.width,
            height: height + 2 * padY,
            color: SHADE,
          });
        }
        let top = this.y - padY;
        for (const slot of slots.slice(next, next + count)) {
          slot.draw(this.page, top);
          top -= slot.height;
        }
        this.y -= height + 2 * padY;
        this.rule();
        next += count;
        if (next < slots.length) {
          this.newPage();
          drawHeader();
        }
      }
    });
  }

  /** Line slots of a row: one per line of its tallest cell, then one per full-width line. */
  private slotsFor(
    cells: Line[][],
    full: Line[],
    { columns, xs, widths, padX }: TableGrid,
  ): Slot[] {
    const slots: Slot[] = [];
    const count = Math.max(0, ...cells.map((c) => c.length));
    for (let lineIndex = 0; lineIndex < count; lineIndex++) {
      const height = Math.max(
        ...cells.map((cell) => {
          const line = cell[lineIndex];
          return line ? leadingOf(line.style) : 0;
        }),
      );
      slots.push({
        height,
        draw: (page, top) => {
          cells.forEach((lines, i) => {
            const line = lines[lineIndex];
            if (!line) return;
            const x = xs[i] ?? this.left;
            const right = columns[i]?.align === 'right';
            const width = textWidth(line.style.font, line.text, line.style.size);
            drawLine(page, line, right ? x + (widths[i] ?? 0) - padX - width : x + padX, top);
          });
        },
      });
    }
    for (const line of full) {
      slots.push({
        height: leadingOf(line.style),
        draw: (page, top) => drawLine(page, line, this.left + padX, top),
      });
    }
    return slots;
  }
}

/** Where a table's columns are: their left edges and widths, and the padding inside each. */
interface TableGrid {
  columns: readonly Column[];
  xs: number[];
  widths: number[];
  padX: number;
}

const sumHeights = (slots: readonly Slot[]) => slots.reduce((sum, s) => sum + s.height, 0);

/** Draws `text` centred on `centre`, single line. */
export function drawCentred(
  page: PDFPage,
  text: string,
  style: TextStyle,
  centre: number,
  top: number,
) {
  const width = textWidth(style.font, clean(text), style.size);
  drawLine(page, { text, style }, centre - width / 2, top);
}
