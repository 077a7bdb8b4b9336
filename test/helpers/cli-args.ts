/**
 * The arguments of the `spqa` commands tests run most, in the order a person types them; more
 * options follow the ones named. Pure, so the CLI tests and the browser tests' seeding share it.
 */

export function addProviderArgs(name: string, type: string, ...more: string[]): string[] {
  return ['provider', 'add', '--name', name, '--type', type, ...more];
}

function startArgs(providerId: string, kind: string, more: string[]): string[] {
  return ['assessment', 'start', '--provider', providerId, '--kind', kind, ...more];
}

export function startSelfArgs(providerId: string, ...more: string[]): string[] {
  return startArgs(providerId, 'self', more);
}

/** An external assessment; `more` holds the conflict declaration, which the CLI insists on. */
export function startExternalArgs(providerId: string, assessor: string, ...more: string[]) {
  return startArgs(providerId, 'external', ['--assessor', assessor, ...more]);
}

/** Rates a criterion of the assessment `id`. */
export function rateArgs(id: string, criterion: string, rating: string, ...more: string[]) {
  return ['assessment', 'rate', id, '--criterion', criterion, '--rating', rating, ...more];
}

export function addEvidenceArgs(assessmentId: string, criterion: string, ...more: string[]) {
  return ['evidence', 'add', '--assessment', assessmentId, '--criterion', criterion, ...more];
}

/** Records a decision on the assessment `id`. */
export function decideArgs(id: string, outcome: string, decidedBy: string, ...more: string[]) {
  return ['decision', 'record', id, '--outcome', outcome, '--decided-by', decidedBy, ...more];
}
