import { FINDING_TYPE_LABELS, type FindingType } from '../../../shared/accreditation/vocabulary';
import { RATING_LABELS } from '../../../shared/assessment/ratings';
import { EVIDENCE_KIND_LABELS } from '../../../shared/evidence/schema';
import type { ReportData } from '../certificates/report-data';
import type { Cell, Flow, Row } from './pdf-layout';
import type { ReportStyles } from './report-styles';
import { formatDate, formatShortDate } from '../../../shared/text/dates';

/** Where each criterion sits, for ordering lists in framework order. */
function criterionOrder(data: ReportData): Map<string, number> {
  const order = new Map<string, number>();
  for (const domain of data.framework.domains) {
    for (const s of domain.standards) for (const c of s.criteria) order.set(c.code, order.size);
  }
  return order;
}

function section(flow: Flow, title: string, st: ReportStyles, intro?: string): void {
  flow.gap(18);
  flow.heading(title, st.h2);
  if (intro) {
    flow.paragraph(intro, st.muted, { withNext: true });
    flow.gap(6);
  }
}

/** Every applicable criterion, domain by domain: its rating and what was written about it. */
export function drawRatings(flow: Flow, data: ReportData, st: ReportStyles): void {
  section(flow, 'Ratings by criterion', st, 'Essential criteria must be met for accreditation.');
  const applicable = new Set(data.applicableCodes);
  const ratings = new Map(data.ratings.map((r) => [r.criterion, r]));
  for (const domain of data.framework.domains) {
    const criteria = domain.standards
      .flatMap((s) => s.criteria)
      .filter((c) => applicable.has(c.code));
    if (criteria.length === 0) continue;
    flow.gap(8);
    flow.heading(`${domain.code} ${domain.title}`, st.h3);
    const rows: Row[] = criteria.map((criterion) => {
      const rating = ratings.get(criterion.code);
      const notes: Cell = [
        { text: criterion.statement },
        ...(rating?.note ? [{ text: `Note: ${rating.note}`, style: st.cellAccent }] : []),
        ...(rating?.reason
          ? [{ text: `Not applicable because: ${rating.reason}`, style: st.cellAccent }]
          : []),
        ...(rating?.overrideReason
          ? [
              {
                text: `Rated Met without current evidence because: ${rating.overrideReason}`,
                style: st.cellAccent,
              },
            ]
          : []),
      ];
      return {
        cells: [
          [
            { text: criterion.code, style: st.cellBold },
            ...(criterion.level === 'essential'
              ? [{ text: 'Essential', style: st.cellMuted }]
              : []),
          ],
          rating
            ? [{ text: RATING_LABELS[rating.rating], style: st.cellBold }]
            : [{ text: 'Not rated', style: st.cellMuted }],
          notes,
        ],
      };
    });
    flow.table(
      [
        { header: 'Criterion', width: 0.13 },
        { header: 'Rating', width: 0.16 },
        { header: 'Statement and notes', width: 0.71 },
      ],
      rows,
      st.table,
    );
  }
}

/** Findings, most serious first, with the action each nonconformity requires. */
export function drawFindings(flow: Flow, data: ReportData, st: ReportStyles): void {
  section(flow, 'Findings and required actions', st);
  if (data.findings.length === 0) {
    flow.paragraph('No findings have been recorded.', st.muted);
    return;
  }
  const order = criterionOrder(data);
  const severity = (t: FindingType) =>
    ['major-nc', 'minor-nc', 'observation', 'good-practice'].indexOf(t);
  const findings = [...data.findings].sort(
    (a, b) =>
      severity(a.type) - severity(b.type) ||
      (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0),
  );
  flow.table(
    [
      { header: 'Type', width: 0.2 },
      { header: 'Finding and action required', width: 0.52 },
      { header: 'Owner', width: 0.15 },
      { header: 'Due', width: 0.13 },
    ],
    findings.map((f) => ({
      cells: [
        [
          { text: FINDING_TYPE_LABELS[f.type], style: st.cellBold },
          { text: f.criterion, style: st.cellMuted },
        ],
        [
          { text: f.text },
          ...(f.action ? [{ text: `Action: ${f.action}`, style: st.cellAccent }] : []),
        ],
        f.actionOwner ?? '—',
        formatShortDate(f.actionDue),
      ],
    })),
    { ...st.table, zebra: true },
  );
}

/** The provider's own improvement plan. */
export function drawActions(flow: Flow, data: ReportData, st: ReportStyles): void {
  section(flow, 'Improvement actions', st);
  if (data.actions.length === 0) {
    flow.paragraph('No improvement actions have been planned.', st.muted);
    return;
  }
  const order = criterionOrder(data);
  const actions = [...data.actions].sort(
    (a, b) =>
      (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0) ||
      a.dueDate.localeCompare(b.dueDate),
  );
  flow.table(
    [
      { header: 'Criterion', width: 0.12 },
      { header: 'Action', width: 0.48 },
      { header: 'Owner', width: 0.16 },
      { header: 'Due', width: 0.14 },
      { header: 'Status', width: 0.1 },
    ],
    actions.map((a) => ({
      cells: [
        a.criterion,
        a.description,
        a.owner,
        formatShortDate(a.dueDate),
        a.status === 'done' ? 'Done' : 'Open',
      ],
    })),
    { ...st.table, zebra: true },
  );
}

/** The evidence relied on, each file identified by its SHA-256 so a copy can be checked. */
export function drawEvidence(flow: Flow, data: ReportData, st: ReportStyles): void {
  section(
    flow,
    'Evidence',
    st,
    'Each stored file is identified by its SHA-256 hash; a copy with the same hash is the same file.',
  );
  if (data.evidence.length === 0) {
    flow.paragraph('No evidence has been added.', st.muted);
    return;
  }
  flow.table(
    [
      { header: 'Title', width: 0.44 },
      { header: 'Kind', width: 0.24 },
      { header: 'Effective', width: 0.16 },
      { header: 'Expires', width: 0.16 },
    ],
    data.evidence.map((evidence) => {
      // One piece of evidence can support dozens of criteria: they run across the whole row.
      const full: Cell = [
        { text: `Criteria: ${evidence.criteria.join(', ') || 'none yet'}`, style: st.cellMuted },
        ...(evidence.sha256 ? [{ text: `SHA-256 ${evidence.sha256}`, style: st.mono }] : []),
        ...(evidence.url
          ? [{ text: `Link ${evidence.url}`, style: { ...st.mono, color: st.cellAccent.color } }]
          : []),
        ...(evidence.personalData
          ? [
              {
                text: `Holds personal data${evidence.retainUntil ? `; keep until ${formatDate(evidence.retainUntil)}` : ''}`,
                style: st.cellMuted,
              },
            ]
          : []),
      ];
      return {
        cells: [
          [
            { text: evidence.title, style: st.cellBold },
            ...(evidence.originalName
              ? [{ text: evidence.originalName, style: st.cellMuted }]
              : []),
          ],
          EVIDENCE_KIND_LABELS[evidence.kind],
          formatShortDate(evidence.effectiveDate),
          formatShortDate(evidence.expiryDate),
        ],
        full,
      };
    }),
    { ...st.table, zebra: true },
  );
}
