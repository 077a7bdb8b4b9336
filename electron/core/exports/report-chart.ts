import { rgb, type PDFFont } from 'pdf-lib';
import type { DomainReadiness } from '../../../shared/assessment/readiness';
import type { OutcomeRules } from '../../../shared/framework/schema';
import { INK, MUTED, RULE, SHADE, drawLine, type Flow } from './pdf-layout';
import { formatPercent, textWidth, wrapText } from './pdf-text';

const PASS = rgb(0.18, 0.49, 0.3);
const NEAR = rgb(0.8, 0.55, 0.1);
const FAIL = rgb(0.72, 0.2, 0.18);

const ROW = 22;
const BAR = 12;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 44;

/**
 * A horizontal bar per domain with the accreditation threshold drawn across all bars (and the
 * conditional threshold dashed). Colour repeats what the figures say, so it is never the only cue.
 */
export function drawDomainChart(
  flow: Flow,
  domains: readonly DomainReadiness[],
  rules: OutcomeRules,
  fonts: { sans: PDFFont; sansBold: PDFFont },
): void {
  const legendHeight = 30;
  const height = domains.length * ROW + 16 + legendHeight;
  flow.ensure(height);
  const page = flow.page;
  const x0 = flow.left + LABEL_WIDTH;
  const barWidth = flow.width - LABEL_WIDTH - VALUE_WIDTH;
  const xOf = (percent: number) => x0 + (barWidth * Math.max(0, Math.min(100, percent))) / 100;
  const top = flow.y;
  const chartBottom = top - domains.length * ROW;
  const label = { font: fonts.sans, size: 8.5, leading: ROW };
  const nameStyle = { font: fonts.sans, size: 8, leading: 9.5 };
  const small = { font: fonts.sans, size: 7, color: MUTED, leading: 10 };

  for (const tick of [0, 25, 50, 75, 100]) {
    page.drawLine({
      start: { x: xOf(tick), y: top },
      end: { x: xOf(tick), y: chartBottom },
      thickness: 0.4,
      color: RULE,
    });
    const text = `${tick}%`;
    const labelWidth = textWidth(fonts.sans, text, small.size);
    drawLine(page, { text, style: small }, xOf(tick) - labelWidth / 2, chartBottom - 2);
  }

  domains.forEach((domain, i) => {
    const rowTop = top - i * ROW;
    // Up to two lines of label, centred on the bar; a longer title is cut with an ellipsis.
    const name = wrapText(
      `${domain.code} ${domain.title}`,
      fonts.sans,
      nameStyle.size,
      LABEL_WIDTH - 8,
    );
    const shown = name.slice(0, 2);
    if (name.length > 2) shown[1] = `${(shown[1] ?? '').replace(/\s*\S*$/, '')}…`;
    let lineTop = rowTop - (ROW - shown.length * nameStyle.leading) / 2;
    for (const text of shown) {
      drawLine(page, { text, style: nameStyle }, flow.left, lineTop);
      lineTop -= nameStyle.leading;
    }
    const barY = rowTop - (ROW + BAR) / 2;
    page.drawRectangle({ x: x0, y: barY, width: barWidth, height: BAR, color: SHADE });
    const score = domain.scorePercent;
    const colour =
      score >= rules.accredited.minDomainPercent
        ? PASS
        : score >= rules.conditional.minDomainPercent
          ? NEAR
          : FAIL;
    if (score > 0)
      page.drawRectangle({ x: x0, y: barY, width: xOf(score) - x0, height: BAR, color: colour });
    drawLine(
      page,
      { text: formatPercent(score), style: { ...label, font: fonts.sansBold } },
      xOf(100) + 6,
      rowTop,
    );
  });

  const accredited = xOf(rules.accredited.minDomainPercent);
  const conditional = xOf(rules.conditional.minDomainPercent);
  page.drawLine({
    start: { x: accredited, y: top + 3 },
    end: { x: accredited, y: chartBottom - 1 },
    thickness: 1.6,
    color: INK,
  });
  page.drawLine({
    start: { x: conditional, y: top + 3 },
    end: { x: conditional, y: chartBottom - 1 },
    thickness: 1,
    color: INK,
    dashArray: [3, 2],
  });

  const legendTop = chartBottom - 16;
  const legend = { font: fonts.sans, size: 7.5, color: INK, leading: 11 };
  page.drawLine({
    start: { x: x0, y: legendTop - 5.5 },
    end: { x: x0 + 14, y: legendTop - 5.5 },
    thickness: 1.6,
    color: INK,
  });
  drawLine(
    page,
    {
      text: `Accreditation threshold: every domain at least ${formatPercent(rules.accredited.minDomainPercent)}`,
      style: legend,
    },
    x0 + 20,
    legendTop,
  );
  page.drawLine({
    start: { x: x0, y: legendTop - 16.5 },
    end: { x: x0 + 14, y: legendTop - 16.5 },
    thickness: 1,
    color: INK,
    dashArray: [3, 2],
  });
  drawLine(
    page,
    {
      text: `Threshold for accreditation with conditions: ${formatPercent(rules.conditional.minDomainPercent)}`,
      style: legend,
    },
    x0 + 20,
    legendTop - 11,
  );
  flow.y = top - height;
}
