import type { EvidenceKind } from '../../../shared/evidence/schema';

export interface DemoDocument {
  key: string;
  title: string;
  kind: EvidenceKind;
  /** Days from today; negative is in the past. */
  effectiveInDays: number;
  expiresInDays: number | null;
  body: (organisation: string) => string;
}

/** A handful of short documents each demo organisation keeps as evidence (plain text, invented). */
export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    key: 'safeguarding',
    title: 'Safeguarding adults policy',
    kind: 'policy',
    effectiveInDays: -120,
    expiresInDays: 245,
    body: (o) =>
      `${o}: Safeguarding adults policy (demo document)\n\nSafeguarding lead: the service manager.\n` +
      'Concerns are reported the same day to the lead and, out of hours, to the local authority adult social care team.\n' +
      'All staff and volunteers complete safeguarding training at induction and every three years.\n',
  },
  {
    key: 'insurance',
    title: 'Public liability insurance certificate',
    kind: 'insurance',
    effectiveInDays: -340,
    expiresInDays: 21,
    body: (o) =>
      `${o}: Certificate of public liability insurance (demo document)\n\nLimit of indemnity: £5,000,000.\n` +
      'Activities covered: group activities, gardening, walking, arts and crafts, advice sessions.\n',
  },
  {
    key: 'training',
    title: 'Training record 2026',
    kind: 'training',
    effectiveInDays: -60,
    expiresInDays: null,
    body: (o) =>
      `${o}: Training record (demo document)\n\nInduction, safeguarding level 2, first aid at work, mental health awareness,\n` +
      'data protection essentials. Dates and attendees held by the service manager.\n',
  },
  {
    key: 'minutes',
    title: 'Trustees’ meeting minutes, September',
    kind: 'minutes',
    effectiveInDays: -75,
    expiresInDays: null,
    body: (o) =>
      `${o}: Minutes of the trustees' meeting (demo document)\n\nPresent: chair, treasurer, secretary, service manager.\n` +
      'Reviewed: risk register, complaints log, outcomes report, feedback summary, capacity and waiting list.\n',
  },
];

/** Which demo document stands as evidence for a criterion. */
export function demoDocumentFor(code: string): string {
  if (code.startsWith('GS2') || code.startsWith('LW4.2')) return 'safeguarding';
  if (code.startsWith('GS4.1')) return 'insurance';
  if (
    code.startsWith('LW1') ||
    code.startsWith('LW2') ||
    code.startsWith('AS3') ||
    code.startsWith('AS4')
  )
    return 'training';
  return 'minutes';
}
