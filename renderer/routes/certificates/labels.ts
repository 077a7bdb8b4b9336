import {
  CERTIFICATE_STATUS_LABELS,
  type CertificateStatus,
} from '../../../shared/accreditation/vocabulary';

export function certificateStatusLabel(status: string): string {
  return CERTIFICATE_STATUS_LABELS[status as CertificateStatus] ?? status;
}

/** The status in a badge; the word is always there, the colour only repeats it. */
export function certificateStatusBadge(status: string): string {
  return status === 'active'
    ? 'badge badge-good'
    : status === 'suspended'
      ? 'badge badge-fair'
      : status === 'withdrawn'
        ? 'badge badge-weak'
        : 'badge badge-muted';
}

const EVENT_LABELS: Record<string, string> = {
  issue: 'Issued',
  reissue: 'Reissued',
  suspend: 'Suspended',
  reinstate: 'Reinstated',
  withdraw: 'Withdrawn',
  supersede: 'Superseded',
};

export function eventLabel(action: string): string {
  return EVENT_LABELS[action] ?? action;
}
