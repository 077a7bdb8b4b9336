import type { Ref } from 'react';
import type { Verification } from '../../../shared/accreditation/schema';
import { capitalise } from '../../components/text';

type CheckName = Verification['checks'][number]['check'];

const CERTIFICATE_CHECKS: { check: CheckName; label: string }[] = [
  { check: 'format', label: 'Certificate format' },
  { check: 'signature', label: 'Signature' },
  { check: 'dates', label: 'Dates' },
  { check: 'status', label: 'Current status' },
];

/** An Open Badge is checked for its issuer's key and its Data Integrity proof instead. */
const BADGE_CHECKS: { check: CheckName; label: string }[] = [
  { check: 'format', label: 'Credential format' },
  { check: 'issuer', label: 'Issuer’s key' },
  { check: 'proof', label: 'Proof' },
  { check: 'dates', label: 'Dates' },
  { check: 'status', label: 'Current status' },
];

/** The verdict in one sentence, led by what failed. */
function failure({ check, detail }: Verification['checks'][number], fileName: string): string {
  switch (check) {
    case 'format':
      return `${fileName} could not be read as a signed certificate: ${detail}.`;
    case 'signature':
      return `The signature check failed: ${detail}.`;
    case 'issuer':
      return `The issuer’s key could not be confirmed: ${detail}.`;
    case 'proof':
      return `The proof check failed: ${detail}.`;
    case 'dates':
      return `The certificate is not in date: ${detail}.`;
    case 'status':
      return `The certificate is not current: ${detail}.`;
  }
}

/**
 * The verdict first, in one sentence, then each of the checks with passed or failed in
 * words and the reason. Checks after a failed one are listed as not made, so nothing is implied.
 */
export function VerdictPanel({
  result,
  fileName,
  headingRef,
}: {
  result: Verification;
  fileName: string;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const failed = result.checks.find((made) => !made.ok);
  const badge = result.checks.some((made) => made.check === 'issuer' || made.check === 'proof');
  return (
    <section
      aria-labelledby="verdict-heading"
      className={`notice verdict ${result.valid ? 'notice-success' : 'notice-error'}`}
      id="verdict"
    >
      <h2 id="verdict-heading" tabIndex={-1} ref={headingRef}>
        {result.valid ? 'Valid certificate' : 'Not valid'}
      </h2>
      <p>
        {result.valid
          ? `${result.number} for ${result.holder} is genuine, in date and current.`
          : failed
            ? failure(failed, fileName)
            : `${fileName} did not pass every check.`}
      </p>
      <h3>The checks</h3>
      <ol className="check-list">
        {(badge ? BADGE_CHECKS : CERTIFICATE_CHECKS).map(({ check, label }) => {
          const made = result.checks.find((one) => one.check === check);
          const state = made ? (made.ok ? 'passed' : 'failed') : 'not-made';
          return (
            <li key={check} className={`check check-${state}`} id={`check-${check}`}>
              <span className="check-name">{label}</span>{' '}
              <span
                className={
                  state === 'passed'
                    ? 'badge badge-good'
                    : state === 'failed'
                      ? 'badge badge-weak'
                      : 'badge badge-muted'
                }
              >
                {state === 'passed' ? 'Passed' : state === 'failed' ? 'Failed' : 'Not checked'}
              </span>
              <span className="check-detail">
                {made ? capitalise(made.detail) : 'Not checked, because an earlier check failed.'}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
