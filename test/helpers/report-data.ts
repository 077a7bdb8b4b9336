import { createHash } from 'node:crypto';
import type { Finding } from '../../shared/accreditation/schema';
import type { RatingValue } from '../../shared/assessment/ratings';
import { computeReadiness } from '../../shared/assessment/readiness';
import type { ImprovementAction, RatingRecord } from '../../shared/assessment/schema';
import type { EvidenceRecord } from '../../shared/evidence/schema';
import { applicableCriteria } from '../../shared/framework/traverse';
import type { ReportData } from '../../electron/core/certificates/report-data';
import { nationalFrameworkJson } from './frameworks';

const RATING_CYCLE: RatingValue[] = [
  'met',
  'met',
  'partial',
  'met',
  'not-met',
  'met',
  'na',
  'met',
  'partial',
  'met',
];
const AT = '2026-02-10T10:00:00.000Z';

export const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A decided external assessment of a provider of both types against the national framework,
 * with every kind of rating, findings of every type, actions and enough evidence to run the
 * report over several pages. `evidenceCount` makes it longer.
 */
export function sampleReportData(
  options: { evidenceCount?: number; decided?: boolean } = {},
): ReportData {
  const framework = nationalFrameworkJson();
  const criteria = applicableCriteria(framework, 'both');
  const ratings: RatingRecord[] = criteria.map(({ criterion }, i) => {
    const rating = RATING_CYCLE[i % RATING_CYCLE.length] ?? 'met';
    return {
      criterion: criterion.code,
      rating,
      note:
        i % 3 === 0
          ? `Seen at the visit on 3 February: the team described how ${criterion.code} works in practice.`
          : null,
      reason: rating === 'na' ? 'The organisation runs no activity of this kind.' : null,
      overrideReason:
        i === 1 ? 'The renewed certificate was seen at the visit; the scan follows.' : null,
      updatedAt: AT,
      updatedBy: 'Assessor',
    };
  });
  const readiness = computeReadiness(
    framework,
    'both',
    new Map(ratings.map((r) => [r.criterion, r.rating])),
  );
  const code = (i: number) => criteria[i]?.criterion.code ?? 'GS1.1';
  const finding = (
    i: number,
    type: Finding['type'],
    text: string,
    action: string | null,
  ): Finding => ({
    id: `fnd_${i}`,
    assessmentId: 'asm_REPORT',
    criterion: code(i * 7),
    type,
    text,
    action,
    actionOwner: action ? 'Chair of trustees' : null,
    actionDue: action ? '2026-05-29' : null,
    createdAt: AT,
    createdBy: 'Assessor',
    updatedAt: AT,
  });
  const findings = [
    finding(
      1,
      'good-practice',
      'Referrers praised the quick replies: every referral is answered within two working days.',
      null,
    ),
    finding(
      2,
      'major-nc',
      'There is no written safeguarding policy, and volunteers could not say whom to tell about a concern.',
      'Adopt a safeguarding policy and brief every volunteer on it.',
    ),
    finding(
      3,
      'minor-nc',
      'The waiting list is kept but people waiting are not contacted.',
      'Contact everyone waiting more than four weeks.',
    ),
    finding(
      4,
      'observation',
      'Feedback forms are collected but not yet summarised for the trustees. '.repeat(4).trim(),
      null,
    ),
  ];
  const actions: ImprovementAction[] = [0, 5, 11].map((i, n) => ({
    id: `act_${n}`,
    assessmentId: 'asm_REPORT',
    criterion: code(i),
    description: `Improvement ${n + 1}: write down how ${code(i)} is done and review it each year.`,
    owner: n === 0 ? 'Service manager' : 'Volunteer co-ordinator',
    dueDate: `2026-0${4 + n}-30`,
    status: n === 2 ? 'done' : 'open',
    updatedAt: AT,
  }));
  const evidence: EvidenceRecord[] = Array.from(
    { length: options.evidenceCount ?? 12 },
    (_, i) => ({
      id: `evd_${i}`,
      assessmentId: 'asm_REPORT',
      criteria: [code(i), code(i + 1)],
      title: i % 4 === 3 ? `Minutes of the trustees’ meeting ${i}` : `Evidence document ${i}`,
      kind: i % 4 === 3 ? 'minutes' : i % 4 === 1 ? 'insurance' : 'policy',
      sha256: i % 5 === 4 ? null : sha256Of(`evidence ${i}`),
      url: i % 5 === 4 ? `https://example.org/policies/document-${i}.html` : null,
      originalName: i % 5 === 4 ? null : `document-${i}.pdf`,
      size: 1000 + i,
      mediaType: 'application/pdf',
      effectiveDate: '2025-06-01',
      expiryDate: i % 4 === 1 ? '2026-08-31' : null,
      personalData: i === 2,
      retainUntil: i === 2 ? '2027-12-31' : null,
      notes: null,
      addedBy: 'Provider',
      addedAt: AT,
      removedAt: null,
      removedBy: null,
      removalReason: null,
    }),
  );
  const decided = options.decided ?? true;
  return {
    generatedOn: '2026-03-05',
    assessment: {
      id: 'asm_REPORT',
      providerId: 'prv_REPORT',
      providerName: 'Cymdeithas Gŵyl Ŷd',
      kind: 'external',
      status: decided ? 'decided' : 'in-progress',
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      providerType: 'both',
      startedAt: '2026-01-20T09:00:00.000Z',
      startedBy: 'Assessor',
      updatedAt: AT,
      progressPercent: readiness.progressPercent,
      scorePercent: readiness.scorePercent,
      outcome: readiness.outcome,
      assessor: 'Rhiannon Ó Súilleabháin',
      basedOn: 'asm_SELF',
      conflict: null,
      revision: 1,
      submittedAt: decided ? '2026-02-12T12:00:00.000Z' : null,
    },
    provider: {
      id: 'prv_REPORT',
      name: 'Cymdeithas Gŵyl Ŷd',
      type: 'both',
      charityNumber: '1187654',
      companyNumber: null,
      region: 'wales',
      addressLine1: 'Hen Ysgol',
      addressLine2: 'Stryd y Bont',
      town: 'Llanrwst',
      postcode: 'LL26 0LS',
      website: null,
      description: null,
      contacts: [],
      archivedAt: null,
      createdAt: AT,
      updatedAt: AT,
    },
    framework,
    applicableCodes: criteria.map((c) => c.criterion.code),
    readiness,
    ratings,
    findings,
    actions,
    evidence,
    sealed: decided
      ? {
          revision: 1,
          openedAt: AT,
          openedBy: 'Assessor',
          reason: 'first submission',
          sealedAt: '2026-02-12T12:00:00.000Z',
          sealedBy: 'Assessor',
          sha256: sha256Of('sealed revision 1'),
        }
      : null,
    decision: decided
      ? {
          id: 'dec_1',
          assessmentId: 'asm_REPORT',
          revision: 1,
          outcome: 'conditional',
          recommendedOutcome: readiness.outcome,
          conditions: 'Adopt a written safeguarding policy and brief every volunteer on it.',
          conditionsDue: '2026-06-01',
          reasons:
            'Strong practice overall; the safeguarding gap must close before full accreditation.',
          decidedBy: 'Accreditation panel',
          decidedAt: '2026-03-02T15:00:00.000Z',
        }
      : null,
  };
}
