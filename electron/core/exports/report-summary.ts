import { ASSESSMENT_STATUS_LABELS } from '../../../shared/assessment/schema';
import { OUTCOME_LABELS } from '../../../shared/assessment/ratings';
import { PROVIDER_TYPE_LABELS, REGION_LABELS } from '../../../shared/providers/vocabulary';
import type { ReportData } from '../certificates/report-data';
import type { Cell, Flow, Row } from './pdf-layout';
import { drawDomainChart } from './report-chart';
import type { ReportStyles } from './report-styles';
import { formatPercent } from './pdf-text';
import { formatDate } from '../../../shared/text/dates';

const KIND_LABELS = { self: 'Self-assessment', external: 'External assessment' } as const;

const keyValue = (flow: Flow, rows: [string, Cell][], st: ReportStyles) =>
  flow.table(
    [
      { header: '', width: 0.26 },
      { header: '', width: 0.74 },
    ],
    rows.map(([key, value]): Row => ({ cells: [[{ text: key, style: st.cellBold }], value] })),
    { ...st.table, padY: 4 },
  );

function providerCell(data: ReportData, st: ReportStyles): Cell {
  const p = data.provider;
  const place = [
    p.addressLine1,
    p.addressLine2,
    p.town,
    p.postcode,
    p.region ? REGION_LABELS[p.region] : null,
  ]
    .filter((v) => v)
    .join(', ');
  const registered = [
    p.charityNumber ? `Registered charity ${p.charityNumber}` : '',
    p.companyNumber ? `Company number ${p.companyNumber}` : '',
  ]
    .filter((v) => v)
    .join(' · ');
  return [
    { text: p.name, style: st.cellBold },
    { text: PROVIDER_TYPE_LABELS[data.assessment.providerType] },
    ...(place ? [{ text: place, style: st.cellMuted }] : []),
    ...(registered ? [{ text: registered, style: st.cellMuted }] : []),
  ];
}

function decisionCell(data: ReportData, st: ReportStyles): Cell {
  const d = data.decision;
  if (!d) return [{ text: 'No decision has been recorded.', style: st.cellMuted }];
  return [
    {
      text: `${OUTCOME_LABELS[d.outcome]}, decided by ${d.decidedBy} on ${formatDate(d.decidedAt)}`,
      style: st.cellBold,
    },
    ...(d.outcome !== d.recommendedOutcome
      ? [
          {
            text: `The rules recommended: ${OUTCOME_LABELS[d.recommendedOutcome]} (revision ${d.revision})`,
          },
        ]
      : [{ text: `As the rules recommended (revision ${d.revision})` }]),
    ...(d.conditions ? [{ text: `Conditions: ${d.conditions}` }] : []),
    ...(d.conditionsDue
      ? [{ text: `Conditions to be met by ${formatDate(d.conditionsDue)}`, style: st.cellBold }]
      : []),
    ...(d.reasons ? [{ text: `Reasons: ${d.reasons}` }] : []),
  ];
}

function readinessCell(data: ReportData, st: ReportStyles): Cell {
  const r = data.readiness;
  const gaps = r.essentialGaps.map((g) => g.code).join(', ');
  return [
    {
      text: `Score ${formatPercent(r.scorePercent)}; ${r.rated} of ${r.applicable} criteria rated (${formatPercent(r.progressPercent)})`,
    },
    { text: `Outcome the rules give: ${OUTCOME_LABELS[r.outcome]}`, style: st.cellBold },
    ...r.reasons.map((reason) => ({ text: `• ${reason}` })),
    ...(gaps ? [{ text: `Essential criteria not yet met: ${gaps}`, style: st.cellMuted }] : []),
  ];
}

/** Page one: who and what was assessed, where the assessment stands and what was decided. */
export function drawSummary(flow: Flow, data: ReportData, st: ReportStyles): void {
  const a = data.assessment;
  const fw = data.framework;
  flow.paragraph('Assessment report', st.title);
  flow.paragraph(
    `${data.provider.name} · ${KIND_LABELS[a.kind]} · ${formatDate(data.generatedOn)}`,
    st.subtitle,
  );
  flow.gap(10);
  flow.heading('Summary', st.h2);
  const rows: [string, Cell][] = [
    ['Provider', providerCell(data, st)],
    [
      'Assessment',
      [
        { text: `${KIND_LABELS[a.kind]} ${a.id}` },
        { text: `Started ${formatDate(a.startedAt)} by ${a.startedBy}`, style: st.cellMuted },
      ],
    ],
  ];
  if (a.kind === 'external') rows.push(['Assessor', a.assessor ?? '—']);
  if (a.basedOn) rows.push(['Based on', `Self-assessment ${a.basedOn}`]);
  if (a.conflict) rows.push(['Declared interest', a.conflict]);
  rows.push(
    [
      'Framework',
      [
        { text: fw.title },
        { text: `${fw.id}@${fw.version}, published by ${fw.publisher}`, style: st.cellMuted },
      ],
    ],
    [
      'Status',
      `${ASSESSMENT_STATUS_LABELS[a.status]}${a.submittedAt ? `, submitted ${formatDate(a.submittedAt)}` : ''}; revision ${a.revision}`,
    ],
  );
  if (data.sealed) {
    rows.push([
      'Sealed revision',
      [
        {
          text: `Revision ${data.sealed.revision}, sealed ${formatDate(data.sealed.sealedAt)} by ${data.sealed.sealedBy ?? '—'}`,
        },
        { text: `SHA-256 ${data.sealed.sha256 ?? '—'}`, style: st.mono },
      ],
    ]);
  }
  rows.push(['Decision', decisionCell(data, st)], ['Readiness', readinessCell(data, st)]);
  keyValue(flow, rows, st);
}

/** The whole assessment in one row under the domains: the overall score is what the rules test. */
function totalRow(data: ReportData, st: ReportStyles): Row {
  const r = data.readiness;
  const sum = (key: 'met' | 'partial' | 'notMet' | 'notApplicable') =>
    String(r.domains.reduce((n, d) => n + d[key], 0));
  const bold = (text: string): Cell => [{ text, style: st.cellBold }];
  return {
    cells: [
      bold('All domains'),
      bold(String(r.applicable)),
      bold(sum('met')),
      bold(sum('partial')),
      bold(sum('notMet')),
      bold(sum('notApplicable')),
      bold(formatPercent(r.progressPercent)),
      bold(formatPercent(r.scorePercent)),
    ],
  };
}

/** The domain scores as a chart against the thresholds, then the counts behind them. */
export function drawDomainResults(flow: Flow, data: ReportData, st: ReportStyles): void {
  flow.gap(16);
  flow.heading('Results by domain', st.h2);
  flow.gap(4);
  drawDomainChart(flow, data.readiness.domains, data.framework.outcomeRules, st.fonts);
  flow.gap(8);
  const right = 'right' as const;
  flow.table(
    [
      { header: 'Domain', width: 0.36 },
      { header: 'Criteria', width: 0.09, align: right },
      { header: 'Met', width: 0.08, align: right },
      { header: 'Partly', width: 0.08, align: right },
      { header: 'Not met', width: 0.09, align: right },
      { header: 'N/A', width: 0.08, align: right },
      { header: 'Rated', width: 0.11, align: right },
      { header: 'Score', width: 0.11, align: right },
    ],
    [
      ...data.readiness.domains.map((d) => ({
        cells: [
          `${d.code} ${d.title}`,
          String(d.applicable),
          String(d.met),
          String(d.partial),
          String(d.notMet),
          String(d.notApplicable),
          formatPercent(d.progressPercent),
          [{ text: formatPercent(d.scorePercent), style: st.cellBold }],
        ],
      })),
      totalRow(data, st),
    ],
    { ...st.table, zebra: true },
  );
}
