export const FINDING_TYPES = ['observation', 'good-practice', 'minor-nc', 'major-nc'] as const;
export type FindingType = (typeof FINDING_TYPES)[number];
export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  observation: 'Observation',
  'good-practice': 'Good practice',
  'minor-nc': 'Minor nonconformity',
  'major-nc': 'Major nonconformity',
};
export const isNonconformity = (t: FindingType) => t === 'minor-nc' || t === 'major-nc';

export const CERTIFICATE_STATUSES = [
  'active',
  'suspended',
  'withdrawn',
  'superseded',
  'expired',
] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
  expired: 'Expired',
};

export const PROFILE_ROLES = ['provider', 'assessor', 'network'] as const;
export type ProfileRole = (typeof PROFILE_ROLES)[number];
export const PROFILE_ROLE_LABELS: Record<ProfileRole, string> = {
  provider: 'VCSE organisation',
  assessor: 'QA assessor',
  network: 'National network (decisions and certificates)',
};
