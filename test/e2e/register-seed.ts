import { join } from 'node:path';
import { expect, runCli, type Cli } from './fixtures';
import { cliDecide, cliJson, cliSubmit, seedProvider, seedRatedExternal } from './seed';

export const REGISTER_PASSPHRASE = 'e2e register passphrase';

/** The real CLI on a data folder, with the signing passphrase in its environment. */
export function cliFor(dataDir: string): Cli {
  return (args) =>
    runCli(dataDir, args, {
      ...process.env,
      SPQA_PASSPHRASE: REGISTER_PASSPHRASE,
      SPQA_ACTOR: 'e2e',
    });
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
  const app = { cli };
  const providerId = await seedProvider(app, {
    ...holder,
    more: ['--address', '1 Station Road', '--town', 'Exampleton'],
  });
  await cliJson(cli, [
    'service',
    'add',
    '--provider',
    providerId,
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
  const assessmentId = await seedRatedExternal(
    app,
    providerId,
    join(workDir, `${providerId}-ratings.csv`),
  );
  await cliSubmit(app, assessmentId);
  await cliDecide(app, assessmentId);
  const certificate = await cliJson<{ number: string }>(cli, [
    'certificate',
    'issue',
    '--assessment',
    assessmentId,
  ]);
  return certificate.number;
}

export async function runOk(cli: Cli, args: string[]): Promise<string> {
  const run = await cli(args);
  expect(run.code, `spqa ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run.stdout;
}
