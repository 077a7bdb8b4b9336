import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, test, type AppServer } from './fixtures';
import { AssessmentScreen } from './pages/assessment';
import { CriterionEvidence, describeEvidence } from './pages/evidence';
import { EvidenceStoreScreen } from './pages/evidence-store';
import { tabTo } from './pages/keyboard';
import {
  cliAddEvidence,
  cliListEvidence,
  cliSubmit,
  isoInDays,
  seedAssessment,
  seedExternalAssessment,
  shownDate,
} from './seed';

// A 24 x 16 checked PNG, small enough to write inline.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAJ0lEQVR42mPgDk2Go/93GeCIVHGGYWwQJZqRxYezQaPpaDQdUcEgAM8U91BzzeHZAAAAAElFTkSuQmCC';

function outputFile(testInfo: TestInfo, name: string, content: string | Uint8Array): string {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const path = join(testInfo.outputDir, name);
  writeFileSync(path, content);
  return path;
}

/** A real two-page PDF, made here so the preview has something genuine to render. */
async function makePdf(testInfo: TestInfo, name: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Outcomes report, page ${n}`, { x: 60, y: 760, size: 24, font });
    page.drawText('Wellbeing scores rose for 8 in 10 people referred.', {
      x: 60,
      y: 720,
      size: 14,
      font,
    });
  }
  return outputFile(testInfo, name, await doc.save());
}

async function openDomain(page: Page, app: AppServer, assessmentId: string, domain: string) {
  await page.goto(app.url);
  await page.goto(app.url.replace(/\?.*$/, `#/assessments/${assessmentId}/domain/${domain}`));
  await expect(page.getByRole('heading', { level: 1, name: /^Self-assessment/ })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

test('attach files by the picker to an essential criterion, see the count and badge, preview text, an image and a PDF', async ({
  page,
  app,
}, testInfo) => {
  const { assessmentId } = await seedAssessment(app);
  const policy = outputFile(
    testInfo,
    'outcomes-policy.txt',
    'Outcomes policy\n\nWe ask everyone the four ONS wellbeing questions at the start and end.\n',
  );
  const pdf = await makePdf(testInfo, 'outcomes-report.pdf');
  const photo = outputFile(testInfo, 'feedback-wall.png', Buffer.from(PNG, 'base64'));
  const expiry = isoInDays(200);

  await openDomain(page, app, assessmentId, 'OL');
  const evidence = new CriterionEvidence(page, 'OL1.1');
  await expect(evidence.root).toContainText('No evidence');

  await evidence.addFiles([policy], {
    title: 'Outcomes policy',
    kind: 'Policy or procedure',
    expiry,
  });
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 1 piece of evidence to OL1.1.' }),
  ).toBeVisible();
  await expect(evidence.root).toContainText('Evidence current');
  await expect(evidence.root).toContainText('1 piece of evidence, 1 current');
  await expect(evidence.item('Outcomes policy')).toContainText('Policy or procedure');
  await expect(evidence.toggle).toBeFocused();

  // Text: shown in the dialog, which is labelled, passes the scan, and closes with Escape.
  const text = await evidence.openPreview('Outcomes policy');
  await expect(text.dialog).toBeVisible();
  await expect(text.dialog.getByLabel('Text of Outcomes policy')).toContainText(
    'four ONS wellbeing questions',
  );
  await expectAccessible(page, 'the text preview');
  await text.closeWithEscape();

  // Open, in browser mode, downloads the stored file under its original name.
  const download = page.waitForEvent('download');
  await evidence
    .item('Outcomes policy')
    .getByRole('button', { name: 'Download Outcomes policy' })
    .click();
  expect((await download).suggestedFilename()).toBe('outcomes-policy.txt');

  // Two files at once take their file names as titles.
  await evidence.addFiles([pdf, photo], { kind: 'Data or report' });
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 2 pieces of evidence to OL1.1.' }),
  ).toBeVisible();
  await expect(evidence.root).toContainText('3 pieces of evidence, 3 current');

  // PDF: drawn by pdf.js onto a canvas, one page at a time.
  const report = await evidence.openPreview('outcomes-report.pdf');
  await expect(report.dialog.getByText('Page 1 of 2')).toBeVisible();
  const canvas = report.dialog.getByRole('img', { name: 'Page 1 of outcomes-report.pdf' });
  await expect(canvas).toBeVisible();
  await expect
    .poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width * c.height))
    .toBeGreaterThan(100_000);
  // Something was painted: the top of the page, where the heading is, is not one flat colour.
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, 300).data ?? [];
        return new Set(Array.from(data)).size;
      }),
    )
    .toBeGreaterThan(2);
  await report.dialog.getByRole('button', { name: 'Next page' }).click();
  await expect(report.dialog.getByText('Page 2 of 2')).toBeVisible();
  await expect(report.dialog.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await report.dialog.getByText('Text of page 2').click();
  await expect(report.dialog).toContainText('Outcomes report, page 2');
  await expectAccessible(page, 'the PDF preview');
  await report.closeWithEscape();

  // Image: from a blob: URL, decoded at its real size.
  const image = await evidence.openPreview('feedback-wall.png');
  const img = image.dialog.getByRole('img', { name: 'Preview of feedback-wall.png' });
  await expect(img).toBeVisible();
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(24);
  await image.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(image.dialog).toHaveCount(0);
  await expect(image.opener).toBeFocused();

  // With current evidence, Met is saved straight away.
  await new AssessmentScreen(page).rate('OL1.1', 'Met');
  await expect(new AssessmentScreen(page).overridePrompt('OL1.1')).toHaveCount(0);

  const stored = await cliListEvidence(app, assessmentId);
  expect(stored).toHaveLength(3);
  expect(stored.find((e) => e.title === 'Outcomes policy')).toMatchObject({
    criteria: ['OL1.1'],
    expiryDate: expiry,
  });
});

test('rating an essential criterion Met without current evidence needs an override reason, which is saved and shown', async ({
  page,
  app,
}, testInfo) => {
  const { assessmentId } = await seedAssessment(app);
  await openDomain(page, app, assessmentId, 'OL');
  const screen = new AssessmentScreen(page);

  // Met is refused with an explanation read out at once, and the override field beside it.
  await screen.choose('OL2.1', 'Met');
  const prompt = screen.overridePrompt('OL2.1');
  await expect(prompt.getByRole('alert')).toContainText(
    'OL2.1 is essential, so rating it Met needs at least one piece of evidence',
  );
  await expectAccessible(page, 'the override prompt');

  // A reason is required.
  await prompt.getByRole('button', { name: 'Rate Met with this reason for OL2.1' }).click();
  await expect(prompt.getByText('Give the reason in a few words')).toBeVisible();
  await expect(page.locator('#criterion-OL2-1-override')).toBeFocused();

  const reason = 'Feedback forms are held by our partner library; copies requested.';
  await page.locator('#criterion-OL2-1-override').fill(reason);
  await prompt.getByRole('button', { name: 'Rate Met with this reason for OL2.1' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved: OL2.1 rated Met.' }),
  ).toBeVisible();
  await expect(page.locator('#criterion-OL2-1-override-note')).toHaveText(
    `Rated Met without current evidence: ${reason}`,
  );

  // The same flow by keyboard alone, on another criterion.
  await screen.rateMetWithOverride('OL1.1', 'Policy is being rewritten this month.');

  // Saved, and shown again on a fresh load.
  await page.reload();
  await expect(page.locator('#criterion-OL2-1-override-note')).toHaveText(
    `Rated Met without current evidence: ${reason}`,
  );
  const shown = await app.cli(['--json', 'assessment', 'show', assessmentId]);
  const ratings = (
    JSON.parse(shown.stdout) as { ratings: { criterion: string; overrideReason: string | null }[] }
  ).ratings;
  expect(ratings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ criterion: 'OL2.1', overrideReason: reason }),
    ]),
  );

  // Adding evidence instead: Met is then saved by itself, with no override.
  const survey = outputFile(testInfo, 'survey.txt', 'Feedback survey results, autumn.\n');
  await screen.choose('OL2.1', 'Not met');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved: OL2.1 rated Not met.' }),
  ).toBeVisible();
  await screen.choose('OL2.1', 'Met');
  await expect(screen.overridePrompt('OL2.1')).toBeVisible();
  await new CriterionEvidence(page, 'OL2.1').addFiles([survey], { kind: 'Data or report' });
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved: OL2.1 rated Met.' }),
  ).toBeVisible();
  await expect(screen.overridePrompt('OL2.1')).toHaveCount(0);
  await expect(page.locator('#criterion-OL2-1-override-note')).toHaveCount(0);
});

test('files can be chosen from the keyboard, and dropped on the drop zone', async ({
  page,
  app,
}, testInfo) => {
  const { assessmentId } = await seedAssessment(app);
  const minutes = outputFile(testInfo, 'minutes.txt', 'Minutes of the committee meeting.\n');
  await openDomain(page, app, assessmentId, 'GS');
  const evidence = new CriterionEvidence(page, 'GS1.1');

  // Keyboard only: open the form, open the file picker, send the form.
  await tabTo(page, page.locator('#evidence-GS1-1-toggle'));
  await page.keyboard.press('Enter');
  await expect(evidence.form).toBeVisible();
  await tabTo(page, page.locator('#field-ev-GS1-1-files'));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(minutes);
  await expect(evidence.form).toContainText('1 file chosen');
  await tabTo(page, page.locator('#ev-GS1-1-submit'));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 1 piece of evidence to GS1.1.' }),
  ).toBeVisible();

  // Dropping: a file dropped on the zone joins the list like a picked one.
  await evidence.openForm();
  const zone = page.getByTestId('ev-GS1-1-drop-zone');
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Constitution, adopted 2019.\n'], 'constitution.txt'));
    return data;
  });
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(evidence.form).toContainText('constitution.txt');
  await evidence.form.getByRole('button', { name: 'Add evidence to GS1.1' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 1 piece of evidence to GS1.1.' }),
  ).toBeVisible();
  await expect(evidence.root).toContainText('2 pieces of evidence, 2 current');
  await expectAccessible(page, 'a criterion with evidence');
});

test('a slow upload shows a progress bar until the evidence is recorded', async ({
  page,
  app,
}, testInfo) => {
  const { assessmentId } = await seedAssessment(app);
  const big = outputFile(testInfo, 'annual-report.txt', 'Annual report.\n'.repeat(200_000));
  await openDomain(page, app, assessmentId, 'OL');
  // Holding the upload back a moment stands in for a large file on a slow disk.
  await page.route('**/api/upload**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const evidence = new CriterionEvidence(page, 'OL1.2');
  const form = await evidence.openForm();
  await form.getByLabel('Choose files').setInputFiles(big);
  await expect(form).toContainText('2.9 MB in all');
  await form.getByRole('button', { name: 'Add evidence to OL1.2' }).click();
  const bar = form.getByRole('progressbar', { name: 'Adding evidence' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuemax', String(15 * 200_000));
  await expect(form.getByRole('status')).toHaveText('Adding 1 file…');
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 1 piece of evidence to OL1.2.' }),
  ).toBeVisible();
  await expect(bar).toHaveCount(0);
});

test('the evidence page: add a folder and a link, edit details, change criteria, remove with a reason', async ({
  page,
  app,
}, testInfo) => {
  const { assessmentId } = await seedAssessment(app, 'Riverside Walking Group');
  const folder = join(testInfo.outputDir, 'policies');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'safeguarding.txt'), 'Safeguarding adults policy.\n');
  writeFileSync(join(folder, 'complaints.txt'), 'Complaints procedure.\n');
  writeFileSync(join(folder, '.DS_Store'), 'hidden');

  await openDomain(page, app, assessmentId, 'GS');
  await page
    .getByRole('navigation', { name: 'Assessment views' })
    .getByRole('link', { name: 'Evidence' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Evidence: Riverside Walking Group' }),
  ).toBeFocused();
  await expect(page.getByText('No evidence yet.')).toBeVisible();
  await expectAccessible(page, 'the empty evidence page');

  // A whole folder at once; hidden files are left out.
  await page.getByRole('button', { name: 'Add files, a folder or a link' }).click();
  const form = page.getByRole('form', { name: 'Add evidence' });
  await form.getByLabel('Add a folder').setInputFiles(folder);
  await expect(form).toContainText('2 files chosen');
  await expect(form).toContainText('1 hidden file left out');
  await describeEvidence(form, { kind: 'Policy or procedure', effective: isoInDays(-30) });
  await form.getByLabel(/^GS2\.1/).check();
  await form.getByLabel(/^GS2\.2/).check();
  await expectAccessible(page, 'the add evidence form');
  await form.getByRole('button', { name: 'Add 2 files' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 2 pieces of evidence.' }),
  ).toBeVisible();

  // A web link is evidence too.
  await form.getByLabel('A web link').check();
  await form.getByLabel('Web address').fill('https://example.org/our-privacy-notice');
  await form.getByLabel(/^Title/).fill('Privacy notice on our website');
  await form.getByLabel(/^GS3\.1/).check();
  await form.getByRole('button', { name: 'Add link' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 1 piece of evidence.' }),
  ).toBeVisible();
  const link = page.getByRole('article', { name: /Privacy notice on our website/ });
  await expect(link.getByRole('link', { name: /Open link/ })).toHaveAttribute(
    'href',
    'https://example.org/our-privacy-notice',
  );

  // Edit details in a dialog.
  const card = page.getByRole('article', { name: /^safeguarding\.txt/ });
  await card.getByRole('button', { name: 'Edit details safeguarding.txt' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit details: safeguarding.txt' });
  await describeEvidence(edit, { title: 'Safeguarding adults policy', expiry: isoInDays(365) });
  await expectAccessible(page, 'the edit details dialog');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Saved the details of Safeguarding adults policy.' }),
  ).toBeVisible();
  const policy = page.getByRole('article', { name: /^Safeguarding adults policy/ });
  await expect(policy).toContainText(shownDate(isoInDays(365)));

  // Change which criteria it supports.
  await policy.getByRole('button', { name: 'Change criteria Safeguarding adults policy' }).click();
  const criteria = page.getByRole('dialog', { name: 'Criteria for Safeguarding adults policy' });
  await criteria.getByLabel(/^GS2\.2/).uncheck();
  await criteria.getByLabel(/^GS2\.3/).check();
  await expectAccessible(page, 'the criteria dialog');
  await criteria.getByRole('button', { name: 'Save criteria' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Safeguarding adults policy now supports GS2.1, GS2.3.' }),
  ).toBeVisible();

  // Remove with a reason; the tombstone stays.
  const complaints = page.getByRole('article', { name: /^complaints\.txt/ });
  await complaints.getByRole('button', { name: 'Remove complaints.txt' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove: complaints.txt' });
  await expect(remove).toContainText('A tombstone keeps its title');
  await remove.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(remove.getByRole('alert')).toContainText('Give the reason');
  await expectAccessible(page, 'the remove dialog with an error');
  await remove.getByLabel('Reason for removing it').fill('Replaced by the 2027 procedure.');
  await remove.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Removed complaints.txt: the file was deleted' }),
  ).toBeVisible();
  await expect(complaints).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'All evidence' })).toBeFocused();
  await page.getByLabel('Show removed evidence too').check();
  await expect(page.getByRole('article', { name: /^complaints\.txt/ })).toContainText(
    'Replaced by the 2027 procedure.',
  );
  await expectAccessible(page, 'the evidence page with removed evidence');

  const all = await cliListEvidence(app, assessmentId, true);
  expect(all.find((e) => e.title === 'complaints.txt')).toMatchObject({
    removalReason: 'Replaced by the 2027 procedure.',
  });
  expect(all.find((e) => e.title === 'Safeguarding adults policy')?.criteria).toEqual([
    'GS2.1',
    'GS2.3',
  ]);
});

test('the dashboard and the assessment screen warn of criteria relying on evidence expiring within 30 days', async ({
  page,
  app,
}, testInfo) => {
  const { assessmentId } = await seedAssessment(app, 'Harbour Lights Arts');
  const certificate = outputFile(testInfo, 'insurance.txt', 'Public liability: £5,000,000.\n');
  const expires = isoInDays(12);
  await cliAddEvidence(app, assessmentId, 'GS4.1', [
    '--criterion',
    'GS4.2',
    '--kind',
    'insurance',
    '--title',
    'Public liability insurance certificate',
    '--expires',
    expires,
    certificate,
  ]);

  await page.goto(app.url);
  const notice = page.getByRole('region', {
    name: '2 criteria rely on evidence expiring within 30 days',
  });
  await expect(notice).toBeVisible();
  const row = notice.getByRole('row', { name: /GS4\.1/ });
  await expect(row).toContainText('Harbour Lights Arts');
  await expect(row).toContainText('Public liability insurance certificate');
  await expect(row).toContainText(shownDate(expires));
  await expectAccessible(page, 'the dashboard with an expiry warning');

  // The link lands on the criterion itself.
  await row.getByRole('link', { name: 'GS4.1 for Harbour Lights Arts' }).click();
  await expect(page.locator('#criterion-GS4-1')).toBeFocused();
  await expect(
    page.getByRole('region', { name: '2 criteria rely on evidence expiring within 30 days' }),
  ).toContainText(`Public liability insurance certificate expires ${shownDate(expires)}`);
  const evidence = new CriterionEvidence(page, 'GS4.1');
  await expect(evidence.root).toContainText('Evidence expiring soon');
  await expect(evidence.item('Public liability insurance certificate')).toContainText(
    'Expires in 12 days',
  );
  await expectAccessible(page, 'the assessment screen with an expiry warning');
});

test('checking the evidence files reports an altered file; unused files are removed after confirming', async ({
  page,
  app,
}, testInfo) => {
  const { assessmentId } = await seedAssessment(app, 'Canal Side Gardeners');
  const [kept] = await cliAddEvidence(app, assessmentId, 'GS1.1', [
    '--title',
    'Constitution',
    outputFile(testInfo, 'constitution.txt', 'Constitution of Canal Side Gardeners.\n'),
  ]);
  const [tampered] = await cliAddEvidence(app, assessmentId, 'GS1.2', [
    '--title',
    'Bank statement',
    outputFile(testInfo, 'bank.txt', 'Bank statement, September: balance £1,204.\n'),
  ]);
  expect(kept?.sha256).toBeTruthy();

  const store = new EvidenceStoreScreen(page);
  await page.goto(app.url);
  await store.open();
  await expectAccessible(page, 'the evidence store');
  await store.checkAllFiles();
  await expect(page.getByText(/^All 2 files/)).toBeVisible();

  // Flip one byte of a stored file behind the app's back.
  const sha = tampered?.sha256 ?? '';
  const stored = join(app.dataDir, 'evidence', 'sha256', sha.slice(0, 2), sha);
  chmodSync(stored, 0o644);
  const bytes = readFileSync(stored);
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  writeFileSync(stored, bytes);

  await store.checkAllFiles();
  await expect(page.getByText(/^1 file has a problem$/)).toBeVisible();
  const row = store.problems.getByRole('row', { name: /Altered since it was added/ });
  await expect(row).toContainText('Bank statement');
  await expect(row).toContainText('Canal Side Gardeners');
  await expect(store.problems).not.toContainText('Constitution');
  await expectAccessible(page, 'the evidence store with an altered file');

  // An unused file: stored under its hash, but no evidence refers to it.
  const orphan = Buffer.from('Left behind by an interrupted add.\n');
  const orphanHash = createHash('sha256').update(orphan).digest('hex');
  const orphanPath = join(app.dataDir, 'evidence', 'sha256', orphanHash.slice(0, 2), orphanHash);
  mkdirSync(join(orphanPath, '..'), { recursive: true });
  writeFileSync(orphanPath, orphan);

  await page.getByRole('button', { name: 'Remove unused files' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove unused files?' });
  await expect(confirm).toContainText('This cannot be undone.');
  await expectAccessible(page, 'the unused files confirmation');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  expect(existsSync(orphanPath)).toBe(true);

  await page.getByRole('button', { name: 'Remove unused files' }).click();
  await confirm.getByRole('button', { name: 'Delete unused files' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed 1 unused file' })).toBeVisible();
  expect(existsSync(orphanPath)).toBe(false);
  expect(existsSync(stored)).toBe(true);
});

test('evidence past its keep-until date is removed securely, leaving a tombstone', async ({
  page,
  app,
}, testInfo) => {
  const { assessmentId } = await seedAssessment(app, 'Northside Befriending');
  const [notes] = await cliAddEvidence(app, assessmentId, 'AS1.1', [
    '--kind',
    'case-study',
    '--title',
    'Case notes: home visit',
    '--personal-data',
    '--retain-until',
    isoInDays(-3),
    outputFile(testInfo, 'case-notes.txt', 'Visited J. at home; referred to the lunch club.\n'),
  ]);
  const sha = notes?.sha256 ?? '';
  const stored = join(app.dataDir, 'evidence', 'sha256', sha.slice(0, 2), sha);
  expect(existsSync(stored)).toBe(true);

  await page.goto(app.url);
  await expect(page.getByText('1 piece of evidence is past its keep-until date')).toBeVisible();
  await page.getByRole('link', { name: 'Review it in the evidence store' }).click();
  const store = new EvidenceStoreScreen(page);
  const row = store.retention.getByRole('row', { name: /Case notes: home visit/ });
  await expect(row).toContainText('Northside Befriending');
  await expect(row).toContainText(shownDate(isoInDays(-3)));

  await row.getByRole('button', { name: 'Remove securely Case notes: home visit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove securely: Case notes: home visit' });
  await expect(dialog).toContainText('The stored file is deleted from this computer');
  await expect(dialog).toContainText(
    'A tombstone keeps its title, when it was removed, by whom and why',
  );
  await dialog.getByLabel('Reason for removing it').fill('Past its retention date.');
  await expectAccessible(page, 'the secure removal dialog');
  await dialog.getByRole('button', { name: 'Remove securely' }).click();

  await expect(
    page.getByRole('status').filter({
      hasText:
        'Removed Case notes: home visit: the file was deleted and a record of the removal is kept.',
    }),
  ).toBeVisible();
  await expect(store.retention).toContainText('No evidence is past its keep-until date');
  await expect(
    page.getByRole('heading', { name: 'Evidence past its keep-until date' }),
  ).toBeFocused();
  expect(existsSync(stored)).toBe(false);

  const [tombstone] = await cliListEvidence(app, assessmentId, true);
  expect(tombstone).toMatchObject({
    title: 'Case notes: home visit',
    removalReason: 'Past its retention date.',
  });
  expect(tombstone?.removedAt).toBeTruthy();
});

test('evidence of a submitted assessment is sealed: it can be previewed, not changed or removed', async ({
  page,
  app,
}, testInfo) => {
  const assessmentId = await seedExternalAssessment(
    app,
    'Eastside Men’s Shed',
    outputFile(testInfo, 'ratings.csv', ''),
  );
  const [notes] = await cliAddEvidence(app, assessmentId, 'AS1.1', [
    '--kind',
    'case-study',
    '--title',
    'Welcome visit notes',
    '--personal-data',
    '--retain-until',
    isoInDays(-1),
    outputFile(testInfo, 'welcome.txt', 'Met K. at the door; showed round the workshop.\n'),
  ]);

  // Open before it is submitted, so the screen still offers removal; the core then refuses it.
  await page.goto(app.url);
  await page.goto(app.url.replace(/\?.*$/, `#/assessments/${assessmentId}/evidence`));
  const card = page.getByRole('article', { name: /^Welcome visit notes/ });
  await expect(card.getByRole('button', { name: 'Remove Welcome visit notes' })).toBeVisible();
  await cliSubmit(app, assessmentId);

  await card.getByRole('button', { name: 'Remove Welcome visit notes' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove: Welcome visit notes' });
  await remove.getByLabel('Reason for removing it').fill('No longer needed.');
  await remove.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(remove.getByRole('alert')).toContainText(
    'This evidence cannot be removed. It belongs to an assessment that has been submitted',
  );
  await expect(remove.getByLabel('Reason for removing it')).toHaveCount(0);
  await expectAccessible(page, 'the refusal to remove sealed evidence');
  await remove.getByRole('button', { name: 'Close' }).first().click();

  // Once the screen knows, it says so and offers only what is allowed.
  await page.reload();
  await expect(page.getByText('its evidence is sealed as the assessor received it')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Preview Welcome visit notes' })).toBeVisible();
  await expect(
    card.getByRole('button', { name: /^(Edit details|Change criteria|Remove)/ }),
  ).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add files, a folder or a link' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Preview Welcome visit notes' }).click();
  await expect(
    page
      .getByRole('dialog', { name: 'Preview: Welcome visit notes' })
      .getByLabel('Text of Welcome visit notes'),
  ).toContainText('showed round the workshop');
  await page.keyboard.press('Escape');

  // The retention list still shows it, and explains why it stays.
  const store = new EvidenceStoreScreen(page);
  await store.open();
  await store.retention
    .getByRole('button', { name: 'Remove securely Welcome visit notes' })
    .click();
  const secure = page.getByRole('dialog', { name: 'Remove securely: Welcome visit notes' });
  await expect(secure.getByRole('alert')).toContainText(
    'stays sealed exactly as the assessor received it',
  );
  await secure.getByRole('button', { name: 'Close' }).first().click();

  const [kept] = await cliListEvidence(app, assessmentId, true);
  expect(kept).toMatchObject({ id: notes?.id, removedAt: null });
});
