import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { Verification } from '../../shared/accreditation/schema';
import { rateArgs } from '../helpers/cli-args';
import { expect, expectAccessible, test, type AppServer } from './fixtures';
import { CertificateScreen, download, FindingsPanel } from './pages/accreditation';
import { AssessmentScreen } from './pages/assessment';
import { tabTo } from './pages/keyboard';
import {
  activityCriteria,
  cliAddEvidence,
  cliDecide,
  cliRateAllBut,
  cliSubmit,
  isoInDays,
  seedAssessment,
  seedExternalAssessment,
  shownDate,
} from './seed';

function outputFile(testInfo: TestInfo, name: string, content: string | Uint8Array): string {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const path = join(testInfo.outputDir, name);
  writeFileSync(path, content);
  return path;
}

async function openAt(page: Page, app: AppServer, hash: string): Promise<void> {
  await page.goto(app.url);
  await page.goto(app.url.replace(/\?.*$/, `#${hash}`));
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

const views = (page: Page) => page.getByRole('navigation', { name: 'Assessment views' });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Drops files on the verify screen's drop zone, as dragging them from a file manager would. */
async function dropOnVerify(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name));
    return data;
  }, files);
  const zone = page.getByTestId('verify-drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

function check(page: Page, name: Verification['checks'][number]['check']) {
  return page.locator(`#check-${name}`);
}

test('an assessor declares interests, rates beside the self-assessment with findings and submits; the assessor cannot decide, another person can', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(150_000);
  const { providerId, assessmentId: selfId } = await seedAssessment(app);
  await cliAddEvidence(app, selfId, 'AS1.1', [
    '--title',
    'Welcome policy',
    '--kind',
    'policy',
    outputFile(testInfo, 'welcome-policy.txt', 'Everyone new is met at the door by a volunteer.\n'),
  ]);
  const rated = await app.cli(
    rateArgs(selfId, 'AS1.1', 'met', '--note', 'A volunteer meets every newcomer.'),
  );
  expect(rated.code, rated.stderr).toBe(0);
  const criteria = await activityCriteria(app);

  // The profile, by keyboard: an empty form is refused with a summary, then filled in.
  await page.goto(app.url);
  const profileLink = mainNav(page).getByRole('link', { name: 'Your profile' });
  await profileLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeFocused();
  await expect(page.getByText('No profile is saved yet.')).toBeVisible();
  await expectAccessible(page, 'the profile screen');
  const save = page.getByRole('button', { name: 'Save profile' });
  await save.focus();
  await page.keyboard.press('Enter');
  const profileErrors = page.locator('.error-summary');
  await expect(profileErrors).toBeFocused();
  await expect(profileErrors).toContainText('Enter your name');
  await expect(profileErrors).toContainText('Choose your role');
  await expectAccessible(page, 'the profile form with its errors');
  await tabTo(page, page.locator('#field-name'));
  await page.keyboard.type('Sam Okafor');
  await tabTo(page, page.locator('#field-organisation'));
  await page.keyboard.type('Independent Assessors Ltd');
  await tabTo(page, page.locator('#field-role'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'QA assessor' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Profile saved: Sam Okafor, QA assessor.' }),
  ).toBeVisible();

  // A declared conflict is recorded, blocks the assessment and the screen says so plainly.
  await openAt(page, app, `/providers/${providerId}`);
  await page.getByRole('link', { name: 'Start an external assessment' }).click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Start an external assessment: Moorside Reading Circle',
    }),
  ).toBeVisible();
  await expect(page.getByLabel('Assessor')).toHaveValue('Sam Okafor');
  await expect(page.getByRole('radio', { name: /^Self-assessment started/ })).toBeChecked();
  await expectAccessible(page, 'starting an external assessment');
  await page.getByRole('button', { name: 'Continue to the declaration' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Declaration of interests' }),
  ).toBeFocused();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page.locator('.error-summary')).toContainText(
    'Say whether you have a conflict of interest',
  );
  await page.getByRole('radio', { name: 'I have a conflict of interest to declare' }).check();
  await expect(page.getByText('A conflict blocks this assessment.')).toBeVisible();
  await page
    .getByLabel('Describe the conflict')
    .fill('I advised them on their safeguarding policy in March.');
  await expectAccessible(page, 'declaring a conflict of interest');
  await page.getByRole('button', { name: 'Record the declaration' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Assessment blocked by a conflict of interest' }),
  ).toBeFocused();
  await expect(page.locator('.blocked-outcome')).toContainText(
    'Sam Okafor declared a conflict of interest, so cannot assess Moorside Reading Circle.',
  );
  await expectAccessible(page, 'an assessment blocked by a conflict');
  await page.getByRole('link', { name: 'See the blocked assessment' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'External assessment: Moorside Reading Circle' }),
  ).toBeVisible();
  await expect(page.locator('#blocked-notice')).toContainText(
    'This assessment is blocked. Sam Okafor declared a conflict of interest',
  );
  await expect(page.locator('#criterion-AS1-1-met')).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Add a finding/ })).toHaveCount(0);

  // Declared free of conflicts, the assessment starts with the self-assessment beside it.
  await openAt(page, app, `/providers/${providerId}`);
  await expect(
    page.getByRole('table', { name: 'Assessments of Moorside Reading Circle' }),
  ).toContainText('Blocked');
  await page.getByRole('link', { name: 'Start an external assessment' }).click();
  await page.getByRole('button', { name: 'Continue to the declaration' }).click();
  await page.getByRole('radio', { name: 'I have no conflict of interest' }).check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'External assessment: Moorside Reading Circle' }),
  ).toBeVisible();
  // The address changes by the history API; Playwright learns of it a moment later.
  await expect(page).toHaveURL(/#\/assessments\/asm_\w+$/);
  const externalId = /#\/assessments\/(asm_\w+)/.exec(page.url())?.[1] ?? '';
  expect(externalId).not.toBe('');
  const self = page.getByRole('group', { name: 'Provider’s self-assessment of AS1.1' });
  await expect(self).toContainText('Self-rating: Met');
  await expect(self).toContainText('A volunteer meets every newcomer.');
  await expect(self.getByRole('listitem').filter({ hasText: 'Welcome policy' })).toBeVisible();
  await expect(self.getByRole('button', { name: 'Preview Welcome policy' })).toBeVisible();
  await expect(self.getByRole('button', { name: /^(Edit|Remove)/ })).toHaveCount(0);
  await expect(page.locator('input[name="criterion-AS1-1-rating"]:checked')).toHaveCount(0);
  await expectAccessible(page, 'the assessor’s screen with the self-assessment beside');

  // Nothing can be submitted while criteria are unrated; the screen lists what stops it.
  await views(page).getByRole('link', { name: 'Submit and revisions' }).click();
  await expect(page.locator('#submit-blockers')).toContainText(
    `${criteria.length} criteria are not rated`,
  );
  await expect(page.getByRole('button', { name: 'Submit and seal revision 1' })).toBeDisabled();
  await expectAccessible(page, 'the submit screen while submission is blocked');

  // The rest rated in bulk; the assessor's own visit notes attached as evidence.
  await cliRateAllBut(app, externalId, outputFile(testInfo, 'ratings.csv', ''), ['AS1.1']);
  const [notes] = await cliAddEvidence(app, externalId, 'AS1.1', [
    '--title',
    'Visit notes',
    '--kind',
    'minutes',
    outputFile(testInfo, 'visit-notes.txt', 'Two visits; nobody greeted new members.\n'),
  ]);

  // A rating and findings on AS1.1: a nonconformity is refused until it has its action.
  await openAt(page, app, `/assessments/${externalId}/domain/AS`);
  await new AssessmentScreen(page).rate('AS1.1', 'Not met');
  const findings = new FindingsPanel(page, 'AS1.1');
  await findings.openAddForm();
  await findings.fill('Major nonconformity', 'New members were not welcomed on either visit.');
  await findings.save();
  const findingErrors = findings.form.locator('.error-summary');
  await expect(findingErrors).toBeFocused();
  await expect(findingErrors).toContainText('A nonconformity needs the action required');
  await expect(findingErrors).toContainText('Name who owns the action');
  await expect(findingErrors).toContainText('Give the date the action is due');
  await expectAccessible(page, 'a nonconformity without its action');
  const due = isoInDays(60);
  await findings.fill('Major nonconformity', 'New members were not welcomed on either visit.', {
    action: 'Agree a welcome routine and train the volunteers in it',
    owner: 'Volunteer coordinator',
    due,
  });
  await findings.save();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added a major nonconformity on AS1.1.' }),
  ).toBeVisible();
  const major = findings.item('New members were not welcomed');
  await expect(major).toContainText('Major nonconformity');
  await expect(major).toContainText('Agree a welcome routine');
  await expect(major).toContainText('Volunteer coordinator');
  await expect(major).toContainText(shownDate(due));
  await expect(findings.root.getByRole('button', { name: 'Add a finding on AS1.1' })).toBeFocused();

  // An observation: added, edited, then deleted after a confirmation.
  await findings.openAddForm();
  await findings.fill('Observation', 'The noticeboard is out of date.');
  await findings.save();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added an observation on AS1.1.' }),
  ).toBeVisible();
  await findings
    .item('The noticeboard')
    .getByRole('button', { name: 'Edit observation on AS1.1' })
    .click();
  await findings.form.getByLabel('What you found').fill('The noticeboard is two months old.');
  await findings.save();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the observation on AS1.1.' }),
  ).toBeVisible();
  await expect(findings.item('two months old')).toBeVisible();
  await expectAccessible(page, 'findings on a criterion');
  await findings
    .item('two months old')
    .getByRole('button', { name: 'Delete observation on AS1.1' })
    .click();
  const confirmDelete = page.getByRole('dialog', { name: 'Delete this observation?' });
  await expect(confirmDelete).toContainText('The noticeboard is two months old.');
  await confirmDelete.getByRole('button', { name: 'Delete finding' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Deleted the observation on AS1.1.' }),
  ).toBeVisible();
  await expect(findings.item('two months old')).toHaveCount(0);

  // The summary of what gets sealed, a confirmation, then the sealed revision's fingerprint.
  await views(page).getByRole('link', { name: 'Submit and revisions' }).click();
  const sealing = page.getByRole('region', { name: 'What submitting revision 1 seals' });
  await expect(sealing).toContainText('spqa-national@1.0.0');
  await expect(sealing).toContainText(`${criteria.length} of ${criteria.length}`);
  await expect(sealing).toContainText('Major nonconformities: 1');
  await expect(sealing.getByRole('row', { name: /Visit notes/ })).toContainText(
    notes?.sha256 ?? 'missing',
  );
  await expect(page.locator('#submit-blockers')).toHaveCount(0);
  await expectAccessible(page, 'the summary of what submitting seals');
  await page.getByRole('button', { name: 'Submit and seal revision 1' }).click();
  const confirmSubmit = page.getByRole('dialog', { name: 'Submit and seal revision 1?' });
  await expect(confirmSubmit).toContainText(`The ${criteria.length} ratings`);
  await confirmSubmit.getByRole('button', { name: 'Submit and seal' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Revision 1 submitted and sealed' }),
  ).toBeFocused();
  const hash = (await page.locator('#sealed-hash').textContent()) ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expect(
    page
      .getByRole('table', { name: /^Revisions of this assessment/ })
      .getByRole('row')
      .nth(1),
  ).toContainText(hash);
  await expectAccessible(page, 'a sealed revision');

  // The decision: refused to the assessor, recorded by someone who did not assess.
  await page.getByRole('link', { name: 'Go to the decision' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Decision: Moorside Reading Circle' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'What the standards recommend' })).toContainText(
    'Not yet accredited',
  );
  await page.getByRole('radio', { name: 'Accredited with conditions' }).check();
  await page
    .getByLabel('Conditions', { exact: true })
    .fill('Agree and run a welcome routine for new members.');
  await page.getByLabel('Conditions due by').fill(isoInDays(45));
  await page.getByLabel(/^Reasons/).fill('The welcome is the only serious gap.');
  await expect(page.getByLabel('Decided by')).toHaveValue('Sam Okafor');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  const refusal = page.locator('.error-summary');
  await expect(refusal).toBeFocused();
  await expect(refusal).toContainText('Sam Okafor assessed this provider, so cannot decide on it');
  await expect(page.locator('#error-decidedBy')).toContainText('Sam Okafor assessed this provider');
  await expectAccessible(page, 'a decision refused to the assessor');
  await page.getByLabel('Decided by').fill('Priya Shah');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Decision recorded' })).toBeFocused();
  const recorded = page.getByRole('region', { name: 'Decision recorded' });
  await expect(recorded).toContainText('Accredited with conditions');
  await expect(recorded).toContainText('Agree and run a welcome routine');
  await expect(recorded).toContainText('Priya Shah');
  await expectAccessible(page, 'a recorded decision');
  const shown = await app.cli(['--json', 'assessment', 'show', externalId]);
  expect((JSON.parse(shown.stdout) as { assessment: { status: string } }).assessment.status).toBe(
    'decided',
  );
});

test('a certificate is issued with a new signing key, suspended and reinstated with reasons, saved and verified; a tampered copy fails', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(150_000);
  const assessmentId = await seedExternalAssessment(
    app,
    'Eastside Men’s Shed',
    outputFile(testInfo, 'ratings.csv', ''),
  );
  await cliSubmit(app, assessmentId);
  await cliDecide(app, assessmentId);

  // No key yet: it is created under a passphrase typed twice, and the certificate signed.
  await openAt(page, app, `/assessments/${assessmentId}/certificate`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Certificate: Eastside Men’s Shed' }),
  ).toBeVisible();
  await expect(page.locator('#no-key-notice')).toContainText(
    'This installation has no signing key yet',
  );
  await expectAccessible(page, 'issuing the first certificate');
  await page.getByLabel('New signing passphrase').fill('correct horse battery');
  await page.getByLabel('Type the passphrase again').fill('correct horse batter');
  await page.getByRole('button', { name: 'Create the key and issue the certificate' }).click();
  await expect(page.locator('.error-summary')).toContainText(
    'The two passphrases are not the same',
  );
  await page.getByLabel('Type the passphrase again').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create the key and issue the certificate' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Certificate SPQA-\d{4}-\d{6}$/ });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace('Certificate ', '');
  const screen = new CertificateScreen(page);
  await expect(screen.status).toHaveText('Active');
  await expect(page.getByRole('status').filter({ hasText: 'Certificate issued' })).toBeVisible();
  await expect(screen.history.getByRole('row')).toHaveCount(2);
  await expect(screen.changeButton('Reinstate')).toHaveCount(0);
  await expectAccessible(page, 'a certificate');

  // Suspended with a reason: the history shows it, and only what is now allowed is offered.
  await screen.changeButton('Suspend').click();
  const suspend = page.getByRole('dialog', { name: `Suspend ${number}?` });
  await suspend.getByRole('button', { name: 'Suspend the certificate' }).click();
  await expect(suspend.getByLabel('Reason to suspend it')).toBeFocused();
  await expect(suspend).toContainText('Give the reason, in a few words');
  await expectAccessible(page, 'the suspend dialog');
  await suspend.getByLabel('Reason to suspend it').fill('The safeguarding lead post is vacant.');
  await suspend.getByRole('button', { name: 'Suspend the certificate' }).click();
  await expect(suspend).toHaveCount(0);
  await expect(screen.status).toHaveText('Suspended');
  await expect(page.getByRole('heading', { level: 2, name: 'Status and dates' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: `${number} suspended.` })).toBeVisible();
  const suspendedRow = screen.history.getByRole('row').nth(2);
  await expect(suspendedRow).toContainText('Active to Suspended');
  await expect(suspendedRow).toContainText('The safeguarding lead post is vacant.');
  await expect(screen.changeButton('Suspend')).toHaveCount(0);
  await expect(screen.changeButton('Reissue…')).toHaveCount(0);
  await expect(screen.changeButton('Reinstate')).toBeVisible();
  await expect(screen.changeButton('Withdraw')).toBeVisible();
  await expectAccessible(page, 'a suspended certificate');

  // The files: the PDF is a real PDF, the JSON is the signed certificate.
  const pdf = await download(page, page.getByRole('button', { name: 'Download certificate PDF' }));
  expect(pdf.fileName).toBe(`${number}.pdf`);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(
    page.getByRole('status').filter({ hasText: `Downloaded ${number}.pdf.` }),
  ).toBeVisible();
  const json = await download(
    page,
    page.getByRole('button', { name: 'Download signed certificate (JSON)' }),
  );
  const signed = JSON.parse(json.bytes.toString('utf8')) as {
    payload: { number: string };
    signature: { alg: string };
  };
  expect(signed.payload.number).toBe(number);
  expect(signed.signature.alg).toBe('Ed25519');
  const report = await download(
    page,
    page.getByRole('button', { name: 'Download assessment report (PDF)' }),
  );
  expect(report.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // While suspended, verifying says it is genuine but not current.
  await mainNav(page).getByRole('link', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify a certificate' })).toBeFocused();
  await expectAccessible(page, 'the verify screen');
  await page.getByRole('button', { name: 'Check the certificate' }).click();
  await expect(page.locator('.error-summary')).toContainText('Choose the certificate file');
  await dropOnVerify(page, [{ name: json.fileName, text: json.bytes.toString('utf8') }]);
  await expect(page.getByRole('list', { name: 'Files chosen' })).toContainText(
    `Certificate: ${number}.json`,
  );
  await page.getByRole('button', { name: 'Check the certificate' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Not valid' })).toBeFocused();
  await expect(check(page, 'signature')).toContainText('Passed');
  await expect(check(page, 'status')).toContainText('Failed');
  await expect(check(page, 'status')).toContainText('Suspended in this installation’s records');

  // Reinstated, it verifies as valid, from the JSON and from the PDF alone.
  await page.goBack();
  await expect(
    page.getByRole('heading', { level: 1, name: `Certificate ${number}` }),
  ).toBeVisible();
  await screen.change('Reinstate', 'The new safeguarding lead has been appointed.');
  await expect(screen.status).toHaveText('Active');
  await expect(screen.history.getByRole('row').nth(3)).toContainText(
    'The new safeguarding lead has been appointed.',
  );

  // Active again, it has an Open Badge, signed with the passphrase: a PNG that verifies.
  await page.getByLabel('Signing passphrase').fill('correct horse battery');
  const badge = await download(
    page,
    page.getByRole('button', { name: 'Download badge image (PNG)' }),
  );
  expect(badge.fileName).toBe(`${number}.badge.png`);
  expect(badge.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  await mainNav(page).getByRole('link', { name: 'Verify' }).click();
  await page.locator('#field-verify-files').setInputFiles({
    name: badge.fileName,
    mimeType: 'image/png',
    buffer: badge.bytes,
  });
  await page.getByRole('button', { name: 'Check the certificate' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Valid certificate' })).toBeFocused();
  for (const name of ['format', 'issuer', 'proof', 'dates', 'status'] as const)
    await expect(check(page, name)).toContainText('Passed');
  await expectAccessible(page, 'an Open Badge verified');
  await page.getByRole('button', { name: `Remove ${badge.fileName}` }).click();
  await mainNav(page).getByRole('link', { name: 'Verify' }).click();
  await page.locator('#field-verify-files').setInputFiles({
    name: json.fileName,
    mimeType: 'application/json',
    buffer: json.bytes,
  });
  await page.getByRole('button', { name: 'Check the certificate' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Valid certificate' })).toBeFocused();
  await expect(page.locator('#verdict')).toContainText(
    `${number} for Eastside Men’s Shed is genuine, in date and current.`,
  );
  for (const name of ['format', 'signature', 'dates', 'status'] as const)
    await expect(check(page, name)).toContainText('Passed');
  await expectAccessible(page, 'a valid certificate verified');
  await page.getByRole('button', { name: `Remove ${number}.json` }).click();
  await page.locator('#field-verify-files').setInputFiles({
    name: pdf.fileName,
    mimeType: 'application/pdf',
    buffer: pdf.bytes,
  });
  await page.getByRole('button', { name: 'Check the certificate' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Valid certificate' })).toBeFocused();

  // One changed word in the JSON: the signature check fails and says why; later checks are not made.
  const tampered = json.bytes
    .toString('utf8')
    .replace('Eastside Men’s Shed', 'Westside Men’s Shed');
  expect(tampered).not.toBe(json.bytes.toString('utf8'));
  await page.getByRole('button', { name: `Remove ${number}.pdf` }).click();
  await dropOnVerify(page, [{ name: `${number}-edited.json`, text: tampered }]);
  await page.getByRole('button', { name: 'Check the certificate' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Not valid' })).toBeFocused();
  await expect(page.locator('#verdict')).toContainText('The signature check failed');
  await expect(check(page, 'format')).toContainText('Passed');
  await expect(check(page, 'signature')).toContainText('Failed');
  await expect(check(page, 'signature')).toContainText('changed after it was signed');
  await expect(check(page, 'dates')).toContainText('Not checked');
  await expect(check(page, 'status')).toContainText('Not checked');
  await expectAccessible(page, 'a tampered certificate refused');

  // The list of certificates, from the navigation.
  await mainNav(page).getByRole('link', { name: 'Certificates' }).click();
  const row = page.getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('Eastside Men’s Shed');
  await expect(row).toContainText('Active');
  await expectAccessible(page, 'the certificates list');

  // A reissue needs the signing passphrase: a wrong one is refused plainly, nothing changes.
  await row.getByRole('link', { name: number }).click();
  await screen.changeButton('Reissue…').click();
  const reissue = page.getByRole('dialog', { name: `Reissue ${number}?` });
  await reissue.getByLabel('Reason to reissue it').fill('The holder’s address has changed.');
  await reissue.getByLabel('Signing passphrase').fill('not the passphrase');
  await reissue.getByRole('button', { name: 'Reissue the certificate' }).click();
  await expect(reissue.locator('#error-passphrase')).toContainText('Wrong passphrase');
  await expectAccessible(page, 'a reissue refused for a wrong passphrase');
  await reissue.getByLabel('Signing passphrase').fill('correct horse battery');
  await reissue.getByRole('button', { name: 'Reissue the certificate' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Certificate ${number}-R1` }),
  ).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: `${number} reissued as ${number}-R1` }),
  ).toBeVisible();
  await expect(screen.history).toContainText('The holder’s address has changed.');
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(screen.status).toHaveText('Superseded');
  await expect(page.getByRole('group', { name: 'Change the status' })).toHaveCount(0);
});

test('a submitted assessment opens a new revision with its reason; the sealed revision keeps its fingerprint', async ({
  page,
  app,
}, testInfo) => {
  const assessmentId = await seedExternalAssessment(
    app,
    'Riverside Walking Group',
    outputFile(testInfo, 'ratings.csv', ''),
  );
  await cliSubmit(app, assessmentId);
  await openAt(page, app, `/assessments/${assessmentId}/submit`);
  const revisions = page.getByRole('table', { name: /^Revisions of this assessment/ });
  const first = revisions.getByRole('row').nth(1);
  const firstHash = (await first.getByRole('cell').last().textContent()) ?? '';
  expect(firstHash).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('button', { name: /^Submit and seal/ })).toHaveCount(0);
  await expectAccessible(page, 'a submitted assessment with its revisions');

  await page.getByRole('button', { name: 'Open revision 2' }).click();
  await expect(page.locator('.error-summary')).toContainText('Give the reason for a new revision');
  await page
    .getByLabel('Reason for a new revision')
    .fill('The provider sent its updated safeguarding policy.');
  await page.getByRole('button', { name: 'Open revision 2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Revision 2 opened.' })).toBeVisible();
  await expect(revisions.getByRole('row')).toHaveCount(3);
  await expect(revisions.getByRole('row').nth(2)).toContainText(
    'The provider sent its updated safeguarding policy.',
  );
  await expect(revisions.getByRole('row').nth(2)).toContainText('Not sealed yet');

  await page.getByRole('button', { name: 'Submit and seal revision 2' }).click();
  await page
    .getByRole('dialog', { name: 'Submit and seal revision 2?' })
    .getByRole('button', { name: 'Submit and seal' })
    .click();
  await expect(page.locator('#sealed-hash')).toHaveText(/^[0-9a-f]{64}$/);
  const secondHash = (await page.locator('#sealed-hash').textContent()) ?? '';
  expect(secondHash).toMatch(/^[0-9a-f]{64}$/);
  expect(secondHash).not.toBe(firstHash);
  await expect(first.getByRole('cell').last()).toHaveText(firstHash);
  await expect(revisions.getByRole('row').nth(2)).toContainText(secondHash);
});
