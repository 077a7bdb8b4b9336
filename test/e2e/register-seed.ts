import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REGISTER_PASSPHRASE = 'e2e register passphrase';

export type Cli = (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

/** The real CLI on a data folder, with the signing passphrase in its environment. */
export function cliFor(dataDir: string): Cli {
  return (args) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/cli/spqa.mjs', '--data-dir', dataDir, ...args], {
        cwd: ROOT,
        env: { ...process.env, SPQA_PASSPHRASE: REGISTER_PASSPHRASE, SPQA_ACTOR: 'e2e' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
}

async function json<T>(cli: Cli, args: string[]): Promise<T> {
  const run = await cli(['--json', ...args]);
  expect(run.code, `spqa ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

export interface Holder {
  name: string;
  region: string;
  postcode: string;
  service: { name: string; category: string };
}

/**
 * A provider taken through the real CLI to a certificate: a service, an external assessment
 * rated in full (Partially met needs no evidence), submitted, decided by a panel and issued.
 */
export async function certify(cli: Cli, workDir: string, holder: Holder): Promise<string> {
  const provider = await json<{ id: string }>(cli, [
    'provider',
    'add',
    '--name',
    holder.name,
    '--type',
    'activity',
    '--region',
    holder.region,
    '--postcode',
    holder.postcode,
    '--address',
    '1 Station Road',
    '--town',
    'Exampleton',
  ]);
  await json(cli, [
    'service',
    'add',
    '--provider',
    provider.id,
    '--name',
    holder.service.name,
    '--category',
    holder.service.category,
    '--referral-route',
    'any-agency',
    '--self-referral',
    '--places',
    '8',
    '--waiting-weeks',
    '3',
  ]);
  const assessment = await json<{ id: string }>(cli, [
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
  const framework = await json<{
    domains: { standards: { criteria: { code: string; appliesTo: string[] }[] }[] }[];
  }>(cli, ['framework', 'show', 'spqa-national@1.0.0']);
  const codes = framework.domains.flatMap((d) =>
    d.standards.flatMap((s) =>
      s.criteria.filter((c) => c.appliesTo.includes('activity')).map((c) => c.code),
    ),
  );
  const csv = join(workDir, `${provider.id}-ratings.csv`);
  writeFileSync(csv, `criterion,rating\n${codes.map((c) => `${c},partial`).join('\n')}\n`);
  await json(cli, ['assessment', 'import-ratings', assessment.id, csv]);
  await json(cli, ['assessment', 'submit', assessment.id]);
  await json(cli, [
    'decision',
    'record',
    assessment.id,
    '--outcome',
    'accredited',
    '--decided-by',
    'Priya Shah',
  ]);
  const certificate = await json<{ number: string }>(cli, [
    'certificate',
    'issue',
    '--assessment',
    assessment.id,
  ]);
  return certificate.number;
}

export async function runOk(cli: Cli, args: string[]): Promise<string> {
  const run = await cli(args);
  expect(run.code, `spqa ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run.stdout;
}
