import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addEvidenceArgs, addProviderArgs, rateArgs, startSelfArgs } from '../helpers/cli-args';
import { expect, expectAccessible, test } from './fixtures';
import { ImportBundleScreen, TrustedKeysScreen } from './pages/bundle-screens';
import { seedAssessment } from './seed';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PASSPHRASE = 'sender passphrase for e2e';

interface Sender {
  bundle: string;
  pem: string;
  keyId: string;
  assessmentId: string;
  dir: string;
}

/** Another installation, made with the real CLI: a self-assessment with evidence, exported and its key written out. */
function makeSender(): Sender {
  const dir = mkdtempSync(join(tmpdir(), 'spqa-e2e-sender-'));
  const data = join(dir, 'data');
  const run = (args: string[]) => {
    const result = spawnSync(
      process.execPath,
      ['dist/cli/spqa.mjs', '--data-dir', data, '--json', ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SPQA_PASSPHRASE: PASSPHRASE } },
    );
    if (result.status !== 0) throw new Error(`spqa ${args.join(' ')}: ${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };
  const provider = run(
    addProviderArgs(
      'Riverside Gardening Club',
      'activity',
      '--region',
      'north-east',
      '--postcode',
      'NE46 1AA',
    ),
  ) as { id: string };
  const assessment = run(startSelfArgs(provider.id)) as { id: string };
  const framework = run(['framework', 'show', 'spqa-national@1.0.0']) as unknown as {
    domains: { standards: { criteria: { code: string; appliesTo: string[] }[] }[] }[];
  };
  const codes = framework.domains.flatMap((d) =>
    d.standards.flatMap((s) => s.criteria.filter((c) => c.appliesTo.includes('activity'))),
  );
  const code = codes[0]?.code ?? '';
  run(rateArgs(assessment.id, code, 'partial'));
  mkdirSync(join(dir, 'files'));
  const policy = join(dir, 'files', 'safeguarding-policy.txt');
  writeFileSync(policy, 'Our safeguarding policy, adopted by the trustees in January.\n');
  run(addEvidenceArgs(assessment.id, code, '--title', 'Safeguarding policy', policy));
  const register = join(dir, 'files', 'volunteer-register.csv');
  writeFileSync(register, 'name,dbs\nAled Roberts,001234567890\n');
  run(addEvidenceArgs(assessment.id, code, '--personal-data', register));
  const key = run(['keys', 'init']) as { keyId: string };
  const bundle = join(dir, 'riverside.spqa');
  run(['bundle', 'export', '--assessment', assessment.id, bundle]);
  const pem = join(dir, 'riverside.pem');
  run(['keys', 'export-public', pem]);
  return { bundle, pem, keyId: key.keyId, assessmentId: assessment.id, dir };
}

let sender: Sender;
test.beforeAll(() => {
  sender = makeSender();
});
test.afterAll(() => rmSync(sender.dir, { recursive: true, force: true }));

test('a bundle from an untrusted key is refused; once trusted it is previewed, then imported', async ({
  page,
  app,
}) => {
  const screen = new ImportBundleScreen(page);
  await page.goto(app.url);
  await screen.open(app.url);
  await expectAccessible(page, 'the empty Import bundle screen');

  await screen.choose(sender.bundle);
  await expect(screen.refusal).toBeVisible();
  await expect(screen.refusal).toContainText(sender.keyId);
  await expect(screen.refusal).toContainText('Nothing in your records was changed.');
  await expectAccessible(page, 'a refused bundle');

  await screen.refusal.getByRole('link', { name: 'Trusted keys' }).click();
  const keys = new TrustedKeysScreen(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Trusted keys' })).toBeVisible();
  await keys.trust(sender.pem, 'Riverside Gardening Club');
  await expect(page.getByRole('status').filter({ hasText: 'Trusted' })).toContainText(sender.keyId);
  await expect(
    keys.table.getByRole('rowheader', { name: 'Riverside Gardening Club' }),
  ).toBeVisible();
  await expectAccessible(page, 'the Trusted keys screen with a key');

  await page.getByRole('link', { name: 'Import a bundle' }).click();
  await screen.choose(sender.bundle);
  await expect(screen.preview).toBeVisible();
  await expect(screen.preview).toContainText(
    'Self-assessment of Riverside Gardening Club, revision 1',
  );
  await expect(screen.preview).toContainText('1 left out by the sender as personal data');
  await expect(screen.row(/^Riverside Gardening Club prv_/)).toContainText('New');
  await expect(screen.row(/^Safeguarding policy evd_/)).toContainText('file included');
  await expect(screen.row(/^volunteer-register\.csv evd_/)).toContainText(
    'personal data: the file was left out',
  );
  await expect(screen.preview.getByRole('heading', { level: 2 })).toBeFocused();
  await expectAccessible(page, 'the bundle preview');

  await screen.preview
    .getByRole('button', { name: /^Import \d+ new and changed records$/ })
    .click();
  const done = page.getByRole('heading', { level: 2, name: 'Bundle imported' });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  await expectAccessible(page, 'an imported bundle');

  // What was imported is there, by the command line too.
  const listed = await app.cli(['--json', 'evidence', 'list', '--assessment', sender.assessmentId]);
  expect(listed.code, listed.stderr).toBe(0);
  expect((JSON.parse(listed.stdout) as { title: string }[]).map((e) => e.title).sort()).toEqual([
    'Safeguarding policy',
    'volunteer-register.csv',
  ]);

  // The bundle sent to the local server is not left behind in the evidence store.
  const verified = await app.cli(['--json', 'evidence', 'verify']);
  expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, orphans: 0 });

  await page.getByRole('link', { name: 'Open the assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Self-assessment/ })).toBeVisible();

  // The same bundle again has nothing new.
  await screen.open(app.url);
  await screen.choose(sender.bundle);
  await expect(screen.preview).toContainText(
    'Nothing to import: every record in this bundle is already here.',
  );
  await expect(screen.preview.getByRole('button', { name: /^Import/ })).toHaveCount(0);
});

test('an assessment is exported as a bundle from its screen, and a trusted key removed after confirming', async ({
  page,
  app,
}) => {
  const { assessmentId } = await seedAssessment(app);
  await page.goto(app.url);
  await page.goto(app.url.replace(/\?.*$/, `#/assessments/${assessmentId}`));
  await expect(page.getByRole('heading', { level: 1, name: /^Self-assessment/ })).toBeVisible();
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a bundle' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('New signing passphrase')).toBeVisible();
  await expectAccessible(page, 'the export dialog');

  await dialog.getByRole('button', { name: 'Export and download' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Enter the signing passphrase');
  await dialog.getByLabel('New signing passphrase').fill('a passphrase for the test network');
  await dialog.getByLabel('Type the passphrase again').fill('a passphrase for the test network');
  await dialog.getByLabel('Include evidence files marked as personal data').check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export and download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('moorside-reading-circle-self-assessment-r1.spqa');
  const saved = join(mkdtempSync(join(tmpdir(), 'spqa-e2e-download-')), 'bundle.spqa');
  await download.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(dialog.getByRole('status')).toContainText('has been saved to your downloads');
  await expectAccessible(page, 'an exported bundle');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const keys = new TrustedKeysScreen(page);
  await keys.open(app.url);
  await expect(page.getByText('Bundles and certificates from here are signed with')).toBeVisible();
  await keys.trust(sender.pem, 'Riverside Gardening Club');
  await expect(
    keys.table.getByRole('rowheader', { name: 'Riverside Gardening Club' }),
  ).toBeVisible();
  await keys.table.getByRole('button', { name: 'Remove Riverside Gardening Club' }).click();
  const confirm = page.getByRole('dialog', { name: 'Stop trusting “Riverside Gardening Club”?' });
  await expect(confirm).toContainText(sender.keyId);
  await expectAccessible(page, 'the remove-key confirmation');
  await confirm.getByRole('button', { name: 'Stop trusting this key' }).focus();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'No longer trusting' })).toBeVisible();
  await expect(page.getByText('You do not trust any other key yet.')).toBeVisible();
  const trusted = await app.cli(['--json', 'keys', 'trusted']);
  expect(JSON.parse(trusted.stdout)).toEqual([]);
});
