import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { renderAssessmentReport } from '../../electron/core/exports/report-pdf';
import type { ReportData } from '../../electron/core/certificates/report-data';
import { RESOURCES_DIR } from '../helpers/paths';
import { overlappingWords, pdfPages, pdfText, pdfWords, qpdfCheck } from '../helpers/pdf-tools';
import { sampleReportData } from '../helpers/report-data';

const A4 = { width: 595.28, height: 841.89 };
/** The report's margins: header and footer sit outside them, everything else inside. */
const MARGIN = { left: 50, right: 50, top: 62, bottom: 56 };

let data: ReportData;
let pdf: Uint8Array;
let text: string;

beforeAll(async () => {
  data = sampleReportData({ evidenceCount: 30 });
  pdf = await renderAssessmentReport(data, RESOURCES_DIR);
  text = pdfText(pdf);
});

describe('the assessment report', () => {
  it('opens with the summary: provider, kind, assessor, framework, status, seal, decision and readiness', () => {
    for (const expected of [
      'Assessment report',
      'Cymdeithas Gŵyl Ŷd',
      'Link worker service and activity provider',
      'External assessment asm_REPORT',
      'Rhiannon Ó Súilleabháin',
      'Self-assessment asm_SELF',
      'National Quality Standards for Social Prescribing',
      'spqa-national@1.0.0',
      'Decided, submitted 12 February 2026; revision 1',
      'Revision 1, sealed 12 February 2026',
      `SHA-256 ${data.sealed?.sha256 ?? ''}`,
      'Accredited with conditions, decided by Accreditation panel on 2 March 2026',
      'Conditions to be met by 1 June 2026',
      `Score ${data.readiness.scorePercent}%; ${data.readiness.rated} of ${data.readiness.applicable} criteria rated`,
      'Outcome the rules give: Not yet accredited',
      ...data.readiness.reasons,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('shows every domain with its score, in the chart and in the table', () => {
    expect(data.readiness.domains.length).toBeGreaterThanOrEqual(5);
    for (const d of data.readiness.domains) {
      expect(text).toContain(`${d.code} ${d.title}`);
      expect(text).toContain(`${d.scorePercent}%`);
    }
    expect(text).toContain('Accreditation threshold: every domain at least 60%');
    expect(text).toContain('All domains');
  });

  it('lists every rating with its notes, reasons and overrides', () => {
    for (const r of data.ratings) expect(text).toContain(r.criterion);
    expect(text).toContain(
      'Not applicable because: The organisation runs no activity of this kind.',
    );
    expect(text).toContain(
      'Rated Met without current evidence because: The renewed certificate was seen at the visit',
    );
    expect(text).toContain('Partially met');
  });

  it('lists the findings with their actions, owners and due dates, and the improvement actions', () => {
    for (const f of data.findings) {
      expect(text).toContain(f.text);
      if (f.action) expect(text).toContain(`Action: ${f.action}`);
    }
    expect(text).toContain('Major nonconformity');
    expect(text).toContain('Chair of trustees');
    expect(text).toContain('29 May 2026');
    for (const a of data.actions) expect(text).toContain(a.description);
  });

  it('lists every piece of evidence with its title and its SHA-256 or link on one line', () => {
    for (const e of data.evidence) {
      expect(text).toContain(e.title);
      if (e.sha256) expect(text).toContain(`SHA-256 ${e.sha256}`);
      if (e.url) expect(text).toContain(e.url);
      expect(text).toContain(`Criteria: ${e.criteria.join(', ')}`);
    }
    expect(text).toContain('Holds personal data; keep until 31 December 2027');
  });

  it('runs over several pages, each with the running header and its page number', async () => {
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(3);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(pages.length);
    pages.forEach((page, i) => {
      expect(page).toContain('Assessment report · Cymdeithas Gŵyl Ŷd');
      expect(page).toContain('spqa-national@1.0.0 · asm_REPORT');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // A table that reaches a new page repeats its header row there.
    expect(pages.filter((p) => p.includes('Title Kind Effective Expires')).length).toBeGreaterThan(
      1,
    );
  });

  it('grows by pages, not off the page, as the evidence list grows', async () => {
    const longer = await renderAssessmentReport(
      sampleReportData({ evidenceCount: 120 }),
      RESOURCES_DIR,
    );
    expect(pdfPages(longer).length).toBeGreaterThan(pdfPages(pdf).length + 3);
    expect(qpdfCheck(longer).status).toBe(0);
  });

  it('keeps every word inside the margins, clear of the header and footer, and off every other word', () => {
    const words = pdfWords(pdf);
    expect(words.length).toBeGreaterThan(1000);
    const bodyTop = MARGIN.top - 1;
    const bodyBottom = A4.height - MARGIN.bottom + 1;
    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(MARGIN.left - 1);
      expect(w.xMax, w.text).toBeLessThanOrEqual(A4.width - MARGIN.right + 1);
    }
    // The running header and the footer are the only words outside the body's band.
    const outside = words.filter((w) => w.yMin < bodyTop || w.yMax > bodyBottom);
    expect(outside.length).toBeGreaterThan(0);
    const chrome = new Set([
      'Assessment',
      'report',
      '·',
      'Cymdeithas',
      'Gŵyl',
      'Ŷd',
      'spqa-national@1.0.0',
      'asm_REPORT',
      'Generated',
      'by',
      'SPQA',
      'on',
      '5',
      'March',
      '2026',
      'Page',
      'of',
    ]);
    for (const w of outside)
      expect(chrome.has(w.text) || /^\d+$/.test(w.text), `${w.text} on page ${w.page + 1}`).toBe(
        true,
      );
    expect(overlappingWords(words)).toEqual([]);
  });

  it('passes qpdf --check', () => {
    const check = qpdfCheck(pdf);
    expect(check.status, check.output).toBe(0);
  });

  it('says so when there are no findings, actions, evidence or decision yet', async () => {
    const early: ReportData = {
      ...sampleReportData({ decided: false }),
      findings: [],
      actions: [],
      evidence: [],
    };
    const t = pdfText(await renderAssessmentReport(early, RESOURCES_DIR));
    expect(t).toContain('No decision has been recorded.');
    expect(t).toContain('No findings have been recorded.');
    expect(t).toContain('No improvement actions have been planned.');
    expect(t).toContain('No evidence has been added.');
    expect(t).not.toContain('Sealed revision');
  });
});
