import { writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { AppServer } from './fixtures';

/** A date some whole days from today (UTC, as the core counts them), as YYYY-MM-DD. */
export function isoInDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The way the app shows a date, e.g. "3 Mar 2027". */
export function shownDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

async function cliJson<T>(app: AppServer, args: string[]): Promise<T> {
  const result = await app.cli(['--json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** An activity provider with a self-assessment started, made through the real CLI. */
export async function seedAssessment(
  app: AppServer,
  name = 'Moorside Reading Circle',
): Promise<{ providerId: string; assessmentId: string }> {
  const provider = await cliJson<{ id: string }>(app, [
    'provider',
    'add',
    '--name',
    name,
    '--type',
    'activity',
    '--region',
    'north-west',
    '--postcode',
    'BB1 7DJ',
  ]);
  const assessment = await cliJson<{ id: string }>(app, [
    'assessment',
    'start',
    '--provider',
    provider.id,
    '--kind',
    'self',
  ]);
  return { providerId: provider.id, assessmentId: assessment.id };
}

export interface SeededEvidence {
  id: string;
  title: string;
  sha256: string | null;
  criteria: string[];
  removedAt: string | null;
  removalReason: string | null;
  expiryDate: string | null;
}

/** Adds evidence with the CLI (`evidence add`), returning the records it made. */
export function cliAddEvidence(
  app: AppServer,
  assessmentId: string,
  args: string[],
): Promise<SeededEvidence[]> {
  return cliJson(app, ['evidence', 'add', '--assessment', assessmentId, ...args]);
}

export function cliListEvidence(
  app: AppServer,
  assessmentId: string,
  removed = false,
): Promise<SeededEvidence[]> {
  return cliJson(app, [
    'evidence',
    'list',
    '--assessment',
    assessmentId,
    ...(removed ? ['--removed'] : []),
  ]);
}

/**
 * An external assessment of a new activity provider, every criterion rated Partially met (which
 * needs no evidence) so it can be submitted. Returns its id; submit it with `cliSubmit`.
 */
export async function seedExternalAssessment(
  app: AppServer,
  name: string,
  csvPath: string,
): Promise<string> {
  const provider = await cliJson<{ id: string }>(app, [
    'provider',
    'add',
    '--name',
    name,
    '--type',
    'activity',
    '--region',
    'london',
    '--postcode',
    'E8 3PN',
  ]);
  const assessment = await cliJson<{ id: string }>(app, [
    'assessment',
    'start',
    '--provider',
    provider.id,
    '--kind',
    'external',
    '--assessor',
    'Sam Okafor',
    '--declare-no-conflict',
  ]);
  const framework = await cliJson<{
    domains: { standards: { criteria: { code: string; appliesTo: string[] }[] }[] }[];
  }>(app, ['framework', 'show', 'spqa-national@1.0.0']);
  const codes = framework.domains.flatMap((d) =>
    d.standards.flatMap((s) =>
      s.criteria.filter((c) => c.appliesTo.includes('activity')).map((c) => c.code),
    ),
  );
  writeFileSync(
    csvPath,
    ['criterion,rating,note,reason', ...codes.map((c) => `${c},partial,,`)].join('\n') + '\n',
  );
  await cliJson(app, ['assessment', 'import-ratings', assessment.id, csvPath]);
  return assessment.id;
}

export async function cliSubmit(app: AppServer, assessmentId: string): Promise<void> {
  await cliJson(app, ['assessment', 'submit', assessmentId]);
}

/** The criteria of the national framework that an activity provider is assessed on. */
export async function activityCriteria(app: AppServer): Promise<string[]> {
  const framework = await cliJson<{
    domains: { standards: { criteria: { code: string; appliesTo: string[] }[] }[] }[];
  }>(app, ['framework', 'show', 'spqa-national@1.0.0']);
  return framework.domains.flatMap((d) =>
    d.standards.flatMap((s) =>
      s.criteria.filter((c) => c.appliesTo.includes('activity')).map((c) => c.code),
    ),
  );
}

/** Rates every activity criterion but the ones named, with one rating, from a CSV file. */
export async function cliRateAllBut(
  app: AppServer,
  assessmentId: string,
  csvPath: string,
  except: string[],
  rating = 'partial',
): Promise<void> {
  const codes = (await activityCriteria(app)).filter((c) => !except.includes(c));
  writeFileSync(
    csvPath,
    ['criterion,rating', ...codes.map((c) => `${c},${rating}`)].join('\n') + '\n',
  );
  await cliJson(app, ['assessment', 'import-ratings', assessmentId, csvPath]);
}

/** Records a decision with the CLI, by someone other than the assessor. */
export async function cliDecide(
  app: AppServer,
  assessmentId: string,
  outcome: 'accredited' | 'conditional' | 'not-accredited' = 'accredited',
  decidedBy = 'Priya Shah',
): Promise<void> {
  await cliJson(app, [
    'decision',
    'record',
    assessmentId,
    '--outcome',
    outcome,
    '--decided-by',
    decidedBy,
    '--reason',
    'Seen on the visit.',
  ]);
}
