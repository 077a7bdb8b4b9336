// Takes a screenshot of every screen with demo data, for people to look at (not a test).
// Usage: npm run build && node scripts/screenshots.mjs [OUTDIR]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium.mjs';

const outDir = process.argv[2] ?? 'test-results/screens';
mkdirSync(outDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'spqa-screens-'));
spawnSync(process.execPath, ['dist/cli/spqa.mjs', '--data-dir', dataDir, 'demo'], {
  stdio: 'inherit',
});
const list = JSON.parse(
  spawnSync(
    process.execPath,
    ['dist/cli/spqa.mjs', '--data-dir', dataDir, '--json', 'assessment', 'list'],
    { encoding: 'utf8' },
  ).stdout,
);
const server = spawn(process.execPath, [
  'dist/web/server.mjs',
  '--data-dir',
  dataDir,
  '--port',
  '0',
]);
// Also when a step fails part-way, so no server is left running behind the script.
process.on('exit', () => server.kill());
const url = await new Promise((resolve) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const match = /open (\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
});
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
await page.goto(url);
const base = url.split('?')[0];
const strong = list.find((a) => a.progressPercent === 100) ?? list[0];
const mixed = list.find((a) => a.progressPercent > 50 && a.progressPercent < 100) ?? list[0];
const shots = [
  ['dashboard', '#/'],
  ['providers', '#/providers'],
  ['provider', `#/providers/${mixed.providerId}`],
  ['provider-new', '#/providers/new'],
  ['provider-import', '#/providers/import'],
  ['assessment', `#/assessments/${mixed.id}`],
  ['assessment-domain', `#/assessments/${mixed.id}/domain/GS`],
  ['readiness', `#/assessments/${strong.id}/readiness`],
  ['readiness-mixed', `#/assessments/${mixed.id}/readiness`],
  ['plan', `#/assessments/${mixed.id}/plan`],
  ['evidence', `#/assessments/${mixed.id}/evidence`],
  ['evidence-store', '#/evidence'],
  ['frameworks', '#/frameworks'],
  ['framework', '#/frameworks/spqa-national@1.0.0'],
];
async function shot(name) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`${outDir}/${name}.png`);
}
/** Each [name, route]: one shot of what the window shows first, and one of the whole page. */
async function shootScreens(screens) {
  for (const [name, hash] of screens) {
    await page.goto(`${base}${hash}`);
    await page.waitForLoadState('networkidle');
    await shot(name);
    await page.screenshot({ path: join(outDir, `${name}-full.png`), fullPage: true });
  }
}
await shootScreens(shots);

// Screens that only appear after an action: a preview open, the override prompt, the add form.
await page.goto(`${base}#/assessments/${strong.id}/domain/GS`);
await page
  .getByRole('button', { name: /^Preview/ })
  .first()
  .click();
await page.getByRole('dialog').waitFor();
await shot('evidence-preview');
await page.keyboard.press('Escape');
const card = page.locator('.criterion').first();
await card.getByRole('button', { name: /^Add evidence/ }).click();
await card.screenshot({ path: join(outDir, 'evidence-add-form.png') });
console.log(`${outDir}/evidence-add-form.png`);
await page.goto(`${base}#/assessments/${mixed.id}/domain/GS`);
const unratedEssential = page.locator('.criterion.rating-none', { hasText: 'Essential' }).first();
if ((await unratedEssential.count()) > 0) {
  // By id: the card's class changes as soon as Met is chosen.
  const essential = page.locator(`#${await unratedEssential.getAttribute('id')}`);
  await essential.locator('label', { hasText: /^Met$/ }).click();
  await essential.getByRole('alert').first().waitFor();
  await essential.scrollIntoViewIfNeeded();
  await shot('override-prompt');
}
await page.goto(`${base}#/evidence`);
await page.getByRole('button', { name: 'Check all evidence files' }).click();
await page.getByText(/^Check finished/).waitFor({ state: 'attached' });
await shot('evidence-store-checked');

// External assessment, decision and certificates: seeded through the CLI, then looked at.
const cli = (args, env = {}) => {
  const run = spawnSync(
    process.execPath,
    ['dist/cli/spqa.mjs', '--data-dir', dataDir, '--json', ...args],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );
  if (run.status !== 0) throw new Error(`spqa ${args.join(' ')}: ${run.stderr}`);
  return JSON.parse(run.stdout);
};
const signing = { SPQA_PASSPHRASE: 'screens passphrase' };
const csvDir = mkdtempSync(join(tmpdir(), 'spqa-screens-csv-'));
function rateAll(assessmentId, rating, leaveOut = []) {
  const { assessment } = cli(['assessment', 'show', assessmentId]);
  const framework = cli([
    'framework',
    'show',
    `${assessment.frameworkId}@${assessment.frameworkVersion}`,
  ]);
  const codes = framework.domains
    .flatMap((d) => d.standards.flatMap((st) => st.criteria))
    .filter(
      (c) => assessment.providerType === 'both' || c.appliesTo.includes(assessment.providerType),
    )
    .map((c) => c.code)
    .filter((c) => !leaveOut.includes(c));
  const file = join(csvDir, `${assessmentId}.csv`);
  writeFileSync(
    file,
    ['criterion,rating', ...codes.map((c) => `${c},${rating}`)].join('\n') + '\n',
  );
  cli(['assessment', 'import-ratings', assessmentId, file]);
}
const startExternal = (self) =>
  cli([
    'assessment',
    'start',
    '--provider',
    self.providerId,
    '--kind',
    'external',
    '--assessor',
    'Sam Okafor',
    '--declare-no-conflict',
    '--from',
    self.id,
  ]).id;
cli([
  'profile',
  'set',
  '--name',
  'Priya Shah',
  '--organisation',
  'National Social Prescribing Network',
  '--role',
  'network',
]);
const [open, ready, issued] = [mixed, list.find((a) => a !== mixed && a !== strong), strong];
const openId = startExternal(open);
rateAll(openId, 'partial', ['GS1.1', 'GS1.2', 'GS2.1']);
const addFinding = (type, text, ...action) =>
  cli([
    'finding',
    'add',
    openId,
    '--criterion',
    'GS1.3',
    '--type',
    type,
    '--text',
    text,
    ...action,
  ]);
addFinding(
  'major-nc',
  'The safeguarding lead named in the policy left in May; nobody has taken the role on.',
  ...['--action', 'Appoint and train a new designated safeguarding lead'],
  ...['--owner', 'Chair of trustees', '--due', '2027-03-31'],
);
addFinding('good-practice', 'Volunteers could all describe how to raise a concern.');
const readyId = startExternal(ready);
rateAll(readyId, 'partial');
const issuedId = startExternal(issued);
rateAll(issuedId, 'partial');
cli(['assessment', 'submit', issuedId]);
cli([
  'decision',
  'record',
  issuedId,
  '--outcome',
  'accredited',
  '--decided-by',
  'Priya Shah',
  '--reason',
  'Strong practice seen on the visit.',
]);

await shootScreens([
  ['profile', '#/profile'],
  ['start-external', `#/providers/${open.providerId}/external`],
  ['external-assessment', `#/assessments/${openId}/domain/GS`],
  ['submit-blocked', `#/assessments/${openId}/submit`],
  ['submit-ready', `#/assessments/${readyId}/submit`],
  ['issue-first-key', `#/assessments/${issuedId}/certificate`],
]);

// The declaration step with a conflict, and what the screen says once it is recorded.
await page.goto(`${base}#/providers/${open.providerId}/external`);
await page.getByRole('button', { name: 'Continue to the declaration' }).click();
await page.getByLabel('I have a conflict of interest to declare').check();
await page
  .getByLabel('Describe the conflict')
  .fill('I advised them on their safeguarding policy last spring.');
await shot('declaration-conflict');
await page.getByRole('button', { name: 'Record the declaration' }).click();
await page.getByRole('heading', { name: /blocked/ }).waitFor();
await shot('declaration-blocked');

// A finding form for a nonconformity, refused for want of its action.
await page.goto(`${base}#/assessments/${openId}/domain/GS`);
const gs11 = page.locator('#criterion-GS1-1');
await gs11.getByRole('button', { name: /^Add a finding/ }).click();
await gs11.getByLabel('Major nonconformity').check();
await gs11.getByLabel('What you found').fill('No DBS checks on record for two session leaders.');
await gs11.getByRole('button', { name: /^Save finding/ }).click();
await gs11.locator('.error-summary').waitFor();
await gs11.scrollIntoViewIfNeeded();
await gs11.screenshot({ path: join(outDir, 'finding-form.png') });
console.log(`${outDir}/finding-form.png`);

// Submitting, then deciding: the confirmation, the sealed hash, the refusal of the assessor.
await page.goto(`${base}#/assessments/${readyId}/submit`);
await page.getByRole('button', { name: /^Submit and seal revision/ }).click();
await shot('submit-confirm');
await page.getByRole('button', { name: 'Submit and seal', exact: true }).click();
await page.locator('#sealed-outcome').waitFor();
await shot('submit-sealed');
await page.goto(`${base}#/assessments/${readyId}/decision`);
await page.getByLabel('Accredited with conditions').check();
await page.getByLabel('Conditions', { exact: true }).fill('Send the updated safeguarding policy.');
await page
  .getByLabel('Conditions due by')
  .fill(new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10));
await page.getByLabel('Decided by').fill('Sam Okafor');
await page.getByRole('button', { name: 'Record the decision' }).click();
await page.locator('.error-summary').waitFor();
await shot('decision-refused');
await page.screenshot({ path: join(outDir, 'decision-refused-full.png'), fullPage: true });

const certificate = cli(['certificate', 'issue', '--assessment', issuedId], signing);
cli([
  'certificate',
  'suspend',
  certificate.number,
  '--reason',
  'Safeguarding lead post vacant; under review.',
]);
const exported = join(csvDir, `${certificate.number}.json`);
// Written as --json=FILE: a bare --json is taken as the global option.
cli(['certificate', 'export', certificate.number, `--json=${exported}`]);
cli(['decision', 'record', readyId, '--outcome', 'accredited', '--decided-by', 'Priya Shah']);
await shootScreens([
  ['decision-recorded', `#/assessments/${issuedId}/decision`],
  ['issue-certificate', `#/assessments/${readyId}/certificate`],
  ['certificate', `#/certificates/${certificate.number}`],
  ['certificates', '#/certificates'],
  ['verify', '#/verify'],
]);
// Saving PDFs of many certificates: the form, then the result.
await page.goto(`${base}#/certificates/pdfs`);
await page.waitForLoadState('networkidle');
await shot('certificate-pdfs');
await page.getByLabel('Folder to save into').fill(join(csvDir, 'certificate-pdfs'));
await page.getByRole('button', { name: 'Save the PDFs' }).click();
await page.getByRole('region', { name: 'Saved' }).waitFor();
await shot('certificate-pdfs-saved');
await page.goto(`${base}#/certificates/${certificate.number}`);
await page.getByRole('button', { name: 'Reinstate' }).click();
await shot('certificate-reinstate-dialog');
await page.keyboard.press('Escape');
await page.goto(`${base}#/verify`);
await page.locator('#field-verify-files').setInputFiles(exported);
await page.getByRole('button', { name: 'Check the certificate' }).click();
await page.locator('#verdict').waitFor();
await shot('verify-result');
const tampered = exported.replace(/\.json$/, '-tampered.json');
writeFileSync(
  tampered,
  readFileSync(exported, 'utf8').replace('"expiresOn": "20', '"expiresOn": "21'),
);
await page
  .getByRole('button', { name: /^Remove/ })
  .first()
  .click();
await page.locator('#field-verify-files').setInputFiles(tampered);
await page.getByRole('button', { name: 'Check the certificate' }).click();
await page.locator('#verdict').waitFor();
await shot('verify-tampered');

// Exchange and the register: the screens, then the published site opened from the file system.
const published = mkdtempSync(join(tmpdir(), 'spqa-screens-register-'));
const registerDir = join(published, 'register');
cli(['register', 'build', registerDir], signing);
await shootScreens([
  ['bundles', '#/bundles'],
  ['trusted-keys', '#/bundles/keys'],
  ['network-dashboard', '#/network'],
  ['publish', '#/register/publish'],
]);
await page.goto(`file://${join(registerDir, 'index.html')}`);
await page.waitForLoadState('load');
await shot('register-site');
await page.screenshot({ path: join(outDir, 'register-site-full.png'), fullPage: true });
rmSync(published, { recursive: true, force: true });

// Backup and restore, last: the restore puts the records back as they were at the backup.
const backups = mkdtempSync(join(tmpdir(), 'spqa-screens-backup-'));
await page.goto(`${base}#/backup`);
await page.waitForLoadState('networkidle');
await shot('backup');
await page.getByLabel('Save the backup as').fill(join(backups, 'spqa-backup.zip'));
await page.getByRole('button', { name: 'Make a backup' }).click();
await page.getByRole('heading', { name: 'Backup made' }).waitFor();
await shot('backup-made');
await page.screenshot({ path: join(outDir, 'backup-made-full.png'), fullPage: true });
await page.getByLabel('Backup file').fill(join(backups, 'nowhere.zip'));
await page.getByRole('button', { name: 'Check backup' }).click();
await page.locator('#error-archivePath').waitFor();
await shot('backup-restore-error');
await page.getByLabel('Backup file').fill(join(backups, 'spqa-backup.zip'));
await page.getByRole('button', { name: 'Check backup' }).click();
await page.getByRole('heading', { name: 'What the backup holds' }).waitFor();
await shot('backup-checked');
await page.screenshot({ path: join(outDir, 'backup-checked-full.png'), fullPage: true });
await page.getByRole('button', { name: 'Restore this backup…' }).click();
await page.getByRole('dialog').waitFor();
await shot('backup-confirm');
// Held back for a moment, so the restore's progress can be seen (it is quick with demo data).
let releaseRestore = () => undefined;
const restoreHeld = new Promise((resolve) => (releaseRestore = resolve));
await page.route('**/api/invoke', async (route) => {
  if (route.request().postData()?.includes('"backup.restore"')) await restoreHeld;
  await route.continue();
});
await page.getByRole('button', { name: 'Restore the backup' }).click();
await page.getByRole('progressbar', { name: 'Restoring the backup' }).waitFor();
await shot('backup-restoring');
releaseRestore();
await page.getByRole('heading', { name: 'Backup restored' }).waitFor();
await shot('backup-restored');
await page.screenshot({ path: join(outDir, 'backup-restored-full.png'), fullPage: true });
rmSync(backups, { recursive: true, force: true });

await browser.close();
server.kill();
rmSync(csvDir, { recursive: true, force: true });
