import type { PDFFont } from 'pdf-lib';
import { ACCENT, INK, MUTED, type TableStyle, type TextStyle } from './pdf-layout';

export interface ReportFonts {
  sans: PDFFont;
  sansBold: PDFFont;
  serifBold: PDFFont;
  mono: PDFFont;
}

/** The report's type scale: body at 9 pt, tables at 8.5 pt, hashes in 7.5 pt monospace. */
export function reportStyles(fonts: ReportFonts) {
  const body: TextStyle = { font: fonts.sans, size: 9, color: INK, leading: 13 };
  const cell: TextStyle = { font: fonts.sans, size: 8.5, color: INK, leading: 11.5 };
  const styles = {
    fonts,
    title: { font: fonts.serifBold, size: 22, color: INK, leading: 30 } as TextStyle,
    subtitle: { font: fonts.sans, size: 12, color: MUTED, leading: 18 } as TextStyle,
    h2: { font: fonts.serifBold, size: 14, color: ACCENT, leading: 22 } as TextStyle,
    h3: { font: fonts.sansBold, size: 10, color: INK, leading: 16 } as TextStyle,
    body,
    muted: { ...body, color: MUTED } as TextStyle,
    cell,
    cellBold: { ...cell, font: fonts.sansBold } as TextStyle,
    cellMuted: { ...cell, color: MUTED, size: 8 } as TextStyle,
    cellAccent: { ...cell, color: ACCENT } as TextStyle,
    mono: { font: fonts.mono, size: 7.5, color: INK, leading: 11 } as TextStyle,
    table: {
      header: { font: fonts.sansBold, size: 8, color: INK, leading: 11 },
      body: cell,
      padX: 4,
      padY: 3.5,
    } as TableStyle,
  };
  return styles;
}
export type ReportStyles = ReturnType<typeof reportStyles>;
