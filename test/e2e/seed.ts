import { writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import {
  addEvidenceArgs,
  addProviderArgs,
  decideArgs,
  startExternalArgs,
  startSelfArgs,
} from '../helpers/cli-args';
import type { AppServer, Cli } from './fixtures';

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

/** Whatever runs the real CLI: the app's own data folder, or one a test made. */
type WithCli = Pick<AppServer, 'cli'>;

/** Runs a command that must succeed with --json and returns its parsed output. */
export async function cliJson<T>(cli: Cli, args: string[]): Promise<T> {
  const run = await cli(['--json', ...args]);
  expect(run.code, `spqa ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/** What a seeded provider is called and where it is; `more` holds further `provider add` options. */
export interface SeededProvider {
  name?: string;
  region?: string;
  postcode?: string;
  more?: string[];
}

/** An activity provider made through the real CLI; returns its id. */
export async function seedProvider(
  app: WithCli,
  {
    name = 'Moorside Reading Circle',
    region = 'north-west',
    postcode = 'BB1 7DJ',
    more = [],
  }: SeededProvider = {},
): Promise<string> {
  const args = addProviderArgs(name, 'activity', '--region', region, '--postcode', postcode);
  return (await cliJson<{ id: string }>(app.cli, [...args, ...more])).id;
}

/** An activity provider with a self-assessment started, made through the real CLI. */
export async function seedAssessment(
  app: WithCli,
  name?: string,
): Promise<{ providerId: string; assessmentId: string }> {
  const providerId = await seedProvider(app, { name });
  const assessment = await cliJson<{ id: string }>(app.cli, startSelfArgs(providerId));
  return { providerId, assessmentId: assessment.id };
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

/** Adds evidence for a criterion with the CLI (`evidence add`), returning the records it made. */
export function cliAddEvidence(
  app: WithCli,
  assessmentId: string,
  criterion: string,
  more: string[],
): Promise<SeededEvidence[]> {
  return cliJson(app.cli, addEvidenceArgs(assessmentId, criterion, ...more));
}

export function cliListEvidence(
  app: WithCli,
  assessmentId: string,
  removed = false,
): Promise<SeededEvidence[]> {
  return cliJson(app.cli, [
    'evidence',
    'list',
    '--assessment',
    assessmentId,
    ...(removed ? ['--removed'] : []),
  ]);
}

/**
 * An external assessment of the provider by Sam Okafor, every activity criterion rated (from a
 * CSV file) Partially met, which needs no evidence, so it can be submitted. Returns its id.
 */
export async function seedRatedExternal(
  app: WithCli,
  providerId: string,
  csvPath: string,
): Promise<string> {
  const started = startExternalArgs(providerId, 'Sam Okafor', '--declare-no-conflict');
  const assessment = await cliJson<{ id: string }>(app.cli, started);
  await cliRateAllBut(app, assessment.id, csvPath, []);
  return assessment.id;
}

/** The same for a new activity provider in London. Returns its id; submit it with `cliSubmit`. */
export async function seedExternalAssessment(
  app: WithCli,
  name: string,
  csvPath: string,
): Promise<string> {
  const providerId = await seedProvider(app, { name, region: 'london', postcode: 'E8 3PN' });
  return seedRatedExternal(app, providerId, csvPath);
}

export async function cliSubmit(app: WithCli, assessmentId: string): Promise<void> {
  await cliJson(app.cli, ['assessment', 'submit', assessmentId]);
}

/** The criteria of the national framework that an activity provider is assessed on. */
export async function activityCriteria(app: WithCli): Promise<string[]> {
  const framework = await cliJson<{
    domains: { standards: { criteria: { code: string; appliesTo: string[] }[] }[] }[];
  }>(app.cli, ['framework', 'show', 'spqa-national@1.0.0']);
  return framework.domains.flatMap((d) =>
    d.standards.flatMap((s) =>
      s.criteria.filter((c) => c.appliesTo.includes('activity')).map((c) => c.code),
    ),
  );
}

/** Rates every activity criterion but the ones named, with one rating, from a CSV file. */
export async function cliRateAllBut(
  app: WithCli,
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
  await cliJson(app.cli, ['assessment', 'import-ratings', assessmentId, csvPath]);
}

/** Records a decision with the CLI, by someone other than the assessor. */
export async function cliDecide(
  app: WithCli,
  assessmentId: string,
  outcome: 'accredited' | 'conditional' | 'not-accredited' = 'accredited',
  decidedBy = 'Priya Shah',
): Promise<void> {
  await cliJson(
    app.cli,
    decideArgs(assessmentId, outcome, decidedBy, '--reason', 'Seen on the visit.'),
  );
}
