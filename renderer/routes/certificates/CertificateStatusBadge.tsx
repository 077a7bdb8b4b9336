import { certificateStatusBadge, certificateStatusLabel } from './labels';

/** A certificate's status in words, in a badge whose colour only repeats them. */
export function CertificateStatusBadge({ status, id }: { status: string; id?: string }) {
  return (
    <span className={certificateStatusBadge(status)} id={id}>
      {certificateStatusLabel(status)}
    </span>
  );
}
