import type { ErrorCode } from '../../shared/result';

/** The CLI's exit codes are a contract scripts rely on (see docs/cli-input.md). */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  invalid: 2,
  verificationFailed: 3,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  if (code === 'internal') return EXIT.unexpected;
  if (code === 'verification_failed') return EXIT.verificationFailed;
  return EXIT.invalid;
}
