import { expiresWithin, isCurrentOn } from '../../../shared/evidence/freshness';
import {
  EVIDENCE_KIND_LABELS,
  FRESHNESS_LABELS,
  type EvidenceRecord,
  type Freshness,
} from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import { formatDate } from '../../components/labels';

export type PreviewKind = 'image' | 'pdf' | 'text';

// Formats Chromium draws in an <img>; TIFF or HEIC photos would show as a broken image.
const IMAGE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/svg+xml',
]);

/** What the in-app preview can show for a stored file, judged by its sniffed media type. */
export function previewKindOf(mediaType: string | null): PreviewKind | null {
  if (!mediaType) return null;
  if (IMAGE_TYPES.has(mediaType)) return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType.startsWith('text/') || mediaType === 'application/json') return 'text';
  return null;
}

export const kindLabel = (record: EvidenceRecord) => EVIDENCE_KIND_LABELS[record.kind];

export const FRESHNESS_BADGE: Record<Freshness, string> = {
  none: 'badge badge-muted',
  current: 'badge badge-good',
  expiring: 'badge badge-fair',
  expired: 'badge badge-weak',
};

export function freshnessLabel(freshness: Freshness): string {
  return FRESHNESS_LABELS[freshness];
}

function daysBetween({ from, to }: { from: string; to: string }): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Where one piece of evidence stands on a date, in words (never colour alone): the badge class
 * and text, e.g. "Expires in 12 days" or "Expired on 3 Mar 2026".
 */
export interface Standing {
  state: 'removed' | 'pending' | 'expired' | 'expiring' | 'current';
  text: string;
  className: string;
}

export function standingOf(record: EvidenceRecord, onDate: string): Standing {
  if (record.removedAt)
    return {
      state: 'removed',
      text: `Removed on ${formatDate(record.removedAt)}`,
      className: 'badge badge-muted',
    };
  if (record.effectiveDate && record.effectiveDate > onDate)
    return {
      state: 'pending',
      text: `In force from ${formatDate(record.effectiveDate)}`,
      className: 'badge badge-muted',
    };
  if (!isCurrentOn(record, onDate))
    return {
      state: 'expired',
      text: `Expired on ${formatDate(record.expiryDate)}`,
      className: 'badge badge-weak',
    };
  if (record.expiryDate && expiresWithin(record, onDate)) {
    const days = daysBetween({ from: onDate, to: record.expiryDate });
    return {
      state: 'expiring',
      text: days === 0 ? 'Expires today' : `Expires in ${plural(days, 'day', 'days')}`,
      className: 'badge badge-fair',
    };
  }
  return { state: 'current', text: 'Current', className: 'badge badge-good' };
}

/** The expiry date beside a standing badge, where the badge does not already give it. */
export function expiryNote(record: EvidenceRecord, standing: Standing): string {
  if (standing.state === 'current')
    return record.expiryDate ? `expires ${formatDate(record.expiryDate)}` : 'no expiry date';
  if (standing.state === 'expiring') return `on ${formatDate(record.expiryDate)}`;
  return '';
}

/** The file (name, size) or the link a record stands for, in one short line. */
export function sourceLine(record: EvidenceRecord, formatSize: (bytes: number) => string): string {
  if (record.url) return record.url;
  const parts = [record.originalName ?? 'Stored file'];
  if (record.size !== null) parts.push(formatSize(record.size));
  return parts.join(', ');
}
