import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { blobPath } from '../../../electron/core/evidence/store';
import { between, pick, type Random } from './names';
import { pdfFromObjects } from '../../pdf-objects.mjs';

export interface PoolFile {
  sha256: string;
  size: number;
  mediaType: string;
  kind: string;
  title: string;
  originalName: string;
}

const TOPICS = [
  ['policy', 'Safeguarding policy'],
  ['policy', 'Data protection policy'],
  ['insurance', 'Public liability insurance certificate'],
  ['training', 'Link worker training record'],
  ['vetting', 'DBS check register'],
  ['minutes', 'Trustee board minutes'],
  ['report', 'Annual impact report'],
  ['case-study', 'Participant case study'],
  ['other', 'Referral pathway flowchart'],
] as const;

const SENTENCES = [
  'Every volunteer completes an induction and is supervised for their first four sessions.',
  'Concerns are reported to the designated safeguarding lead on the day they arise.',
  'Referrals are acknowledged within five working days and the referrer is told the outcome.',
  'Participants are asked what matters to them before any activity is suggested.',
  'Records are kept for six years and then deleted securely.',
  'The board reviews this document every year and after any serious incident.',
];

/** A one-page PDF with a line of text, written out with a correct cross-reference table. */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, ' ')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  return Buffer.from(pdfFromObjects(objects), 'latin1');
}

function body(random: Random, index: number, title: string): { bytes: Buffer; ext: string } {
  const form = index % 3;
  if (form === 2) return { bytes: tinyPdf(`${title} - document ${index}`), ext: 'pdf' };
  // Sizes spread from under a kilobyte to about 100 KB, as real policies and registers are.
  const target = Math.floor(400 * Math.pow(250, random()));
  if (form === 1) {
    let csv = 'name,role,completed_on,expires_on\n';
    for (let row = 0; csv.length < target; row += 1) {
      csv += `Person ${index}-${row},volunteer,2025-0${between(random, 1, 9)}-1${between(random, 0, 9)},2028-01-01\n`;
    }
    return { bytes: Buffer.from(csv), ext: 'csv' };
  }
  let text = `${title}\nDocument ${index}\n\n`;
  while (text.length < target) text += `${pick(random, SENTENCES)}\n`;
  return { bytes: Buffer.from(text), ext: 'txt' };
}

const MEDIA: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  txt: 'text/plain',
};

/**
 * Writes `count` distinct small files straight into the evidence store's layout (the generator's
 * shortcut: no per-file flush) and returns what the database rows need to point at them.
 */
export function writeEvidencePool(root: string, random: Random, count: number): PoolFile[] {
  const pool: PoolFile[] = [];
  for (let i = 0; i < count; i += 1) {
    const [kind, title] = pick(random, TOPICS);
    const { bytes, ext } = body(random, i, title);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = blobPath(root, sha256);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes, { mode: 0o600 });
    pool.push({
      sha256,
      size: bytes.length,
      mediaType: MEDIA[ext] ?? 'application/octet-stream',
      kind,
      title,
      originalName: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}.${ext}`,
    });
  }
  return pool;
}
