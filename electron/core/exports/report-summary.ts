import {
  ASSESSMENT_KIND_LABELS,
  ASSESSMENT_STATUS_LABELS,
} from '../../../shared/assessment/schema';
import { OUTCOME_LABELS } from '../../../shared/assessment/ratings';
import { PROVIDER_TYPE_LABELS, REGION_LABELS } from '../../../shared/providers/vocabulary';
import type { ReportData } from '../certificates/report-data';
import type { Cell, Flow, Row } from './pdf-layout';
import { drawDomainChart } from './report-chart';
import type { ReportStyles } from './report-styles';
import { formatPercent } from './pdf-text';
import { formatDate } from '../../../shared/text/dates';

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
  const provider = data.provider;
  const place = [
    provider.addressLine1,
    provider.addressLine2,
    provider.town,
    provider.postcode,
    provider.region ? REGION_LABELS[provider.region] : null,
  ]
    .filter((v) => v)
    .join(', ');
  const registered = [
    provider.charityNumber ? `Registered charity ${provider.charityNumber}` : '',
    provider.companyNumber ? `Company number ${provider.companyNumber}` : '',
  ]
    .filter((v) => v)
    .join(' · ');
  return [
    { text: provider.name, style: st.cellBold },
    { text: PROVIDER_TYPE_LABELS[data.assessment.providerType] },
    ...(place ? [{ text: place, style: st.cellMuted }] : []),
    ...(registered ? [{ text: registered, style: st.cellMuted }] : []),
  ];
}

function decisionCell(data: ReportData, st: ReportStyles): Cell {
  const decision = data.decision;
  if (!decision) return [{ text: 'No decision has been recorded.', style: st.cellMuted }];
  return [
    {
      text: `${OUTCOME_LABELS[decision.outcome]}, decided by ${decision.decidedBy} on ${formatDate(decision.decidedAt)}`,
      style: st.cellBold,
    },
    ...(decision.outcome !== decision.recommendedOutcome
      ? [
          {
            text: `The rules recommended: ${OUTCOME_LABELS[decision.recommendedOutcome]} (revision ${decision.revision})`,
          },
        ]
      : [{ text: `As the rules recommended (revision ${decision.revision})` }]),
    ...(decision.conditions ? [{ text: `Conditions: ${decision.conditions}` }] : []),
    ...(decision.conditionsDue
      ? [
          {
            text: `Conditions to be met by ${formatDate(decision.conditionsDue)}`,
            style: st.cellBold,
          },
        ]
      : []),
    ...(decision.reasons ? [{ text: `Reasons: ${decision.reasons}` }] : []),
  ];
}

function readinessCell(data: ReportData, st: ReportStyles): Cell {
  const readiness = data.readiness;
  const gaps = readiness.essentialGaps.map((g) => g.code).join(', ');
  return [
    {
      text: `Score ${formatPercent(readiness.scorePercent)}; ${readiness.rated} of ${readiness.applicable} criteria rated (${formatPercent(readiness.progressPercent)})`,
    },
    { text: `Outcome the rules give: ${OUTCOME_LABELS[readiness.outcome]}`, style: st.cellBold },
    ...readiness.reasons.map((reason) => ({ text: `• ${reason}` })),
    ...(gaps ? [{ text: `Essential criteria not yet met: ${gaps}`, style: st.cellMuted }] : []),
  ];
}

/** Page one: who and what was assessed, where the assessment stands and what was decided. */
export function drawSummary(flow: Flow, data: ReportData, st: ReportStyles): void {
  const assessment = data.assessment;
  const fw = data.framework;
  flow.paragraph('Assessment report', st.title);
  flow.paragraph(
    `${data.provider.name} · ${ASSESSMENT_KIND_LABELS[assessment.kind]} · ${formatDate(data.generatedOn)}`,
    st.subtitle,
  );
  flow.gap(10);
  flow.heading('Summary', st.h2);
  const rows: [string, Cell][] = [
    ['Provider', providerCell(data, st)],
    [
      'Assessment',
      [
        { text: `${ASSESSMENT_KIND_LABELS[assessment.kind]} ${assessment.id}` },
        {
          text: `Started ${formatDate(assessment.startedAt)} by ${assessment.startedBy}`,
          style: st.cellMuted,
        },
      ],
    ],
  ];
  if (assessment.kind === 'external') rows.push(['Assessor', assessment.assessor ?? '—']);
  if (assessment.basedOn) rows.push(['Based on', `Self-assessment ${assessment.basedOn}`]);
  if (assessment.conflict) rows.push(['Declared interest', assessment.conflict]);
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
      `${ASSESSMENT_STATUS_LABELS[assessment.status]}${assessment.submittedAt ? `, submitted ${formatDate(assessment.submittedAt)}` : ''}; revision ${assessment.revision}`,
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
  const readiness = data.readiness;
  const sum = (key: 'met' | 'partial' | 'notMet' | 'notApplicable') =>
    String(readiness.domains.reduce((n, d) => n + d[key], 0));
  const bold = (text: string): Cell => [{ text, style: st.cellBold }];
  return {
    cells: [
      bold('All domains'),
      bold(String(readiness.applicable)),
      bold(sum('met')),
      bold(sum('partial')),
      bold(sum('notMet')),
      bold(sum('notApplicable')),
      bold(formatPercent(readiness.progressPercent)),
      bold(formatPercent(readiness.scorePercent)),
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
