import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, type Page } from '@playwright/test';
import { expect, expectAccessible } from './fixtures';
import { certify, cliFor, runOk } from './register-seed';

/*
 * The published register's page, opened from the file system as a referrer would open a copy:
 * no server, only what the page carries. One publication is built for the whole file.
 */
let work = '';
let site = '';
let genuine = '';
let genuinePdf = '';
let tampered = '';
let suspendedJson = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = mkdtempSync(join(tmpdir(), 'spqa-e2e-register-'));
  const cli = cliFor(join(work, 'data'));
  const garden = await certify(cli, work, {
    name: 'Moorside Community Garden',
    region: 'north-west',
    postcode: 'BB1 7DJ',
    service: { name: 'Wednesday growing club', category: 'nature-and-gardening' },
  });
  await certify(cli, work, {
    name: 'Thames Reading Circle',
    region: 'london',
    postcode: 'E8 3PN',
    service: { name: 'Shared reading group', category: 'libraries-and-reading' },
  });
  const choir = await certify(cli, work, {
    name: 'Côr Cymunedol </script><b>Llandudno</b>',
    region: 'wales',
    postcode: 'LL30 2RP',
    service: { name: 'Community choir', category: 'arts' },
  });
  await runOk(cli, ['certificate', 'suspend', choir, '--reason', 'Insurance lapsed']);

  genuine = join(work, `${garden}.json`);
  genuinePdf = join(work, `${garden}.pdf`);
  suspendedJson = join(work, `${choir}.json`);
  await runOk(cli, ['certificate', 'export', garden, '--json', genuine, '--pdf', genuinePdf]);
  await runOk(cli, ['certificate', 'export', choir, '--json', suspendedJson]);
  // The same certificate with its expiry moved a year on: the signature no longer matches.
  const doc = JSON.parse(readFileSync(genuine, 'utf8')) as { payload: { expiresOn: string } };
  doc.payload.expiresOn = `${Number(doc.payload.expiresOn.slice(0, 4)) + 1}${doc.payload.expiresOn.slice(4)}`;
  tampered = join(work, 'tampered.json');
  writeFileSync(tampered, JSON.stringify(doc, null, 2));

  site = join(work, 'published');
  await runOk(cli, ['register', 'build', site]);
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openSite(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Register of accredited social prescribing providers',
    }),
  ).toBeVisible();
  return errors;
}

const results = (page: Page) => page.getByRole('list', { name: 'Results' }).getByRole('article');

test('search the register by name, region, kind of activity and status', async ({ page }) => {
  const errors = await openSite(page);
  await expect(page.locator('#result-count')).toHaveText('3 certificates match.');
  await expect(results(page)).toHaveCount(3);
  // A name with markup in it is shown as the text it is.
  await expect(
    page.getByRole('heading', { name: 'Côr Cymunedol </script><b>Llandudno</b>' }),
  ).toBeVisible();

  await page.getByLabel('Name, town, postcode or certificate number').fill('moorside');
  await expect(results(page)).toHaveCount(1);
  const garden = results(page).first();
  await expect(garden.getByRole('heading', { name: 'Moorside Community Garden' })).toBeVisible();
  await expect(garden).toContainText('Active');
  await expect(garden).toContainText('Wednesday growing club');
  await expect(garden).toContainText('accepting referrals, wait about 3 weeks');

  await page.getByLabel('Name, town, postcode or certificate number').fill('');
  await page.getByLabel('Region').selectOption({ label: 'London' });
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first()).toContainText('Thames Reading Circle');

  await page.getByLabel('Region').selectOption({ label: 'Any region' });
  await page.getByLabel('Kind of activity').selectOption({ label: 'Arts and creative activities' });
  await expect(results(page)).toHaveCount(1);
  await page.getByLabel('Kind of activity').selectOption({ label: 'Any kind' });

  await page.getByLabel('Status').selectOption({ label: 'Suspended' });
  await expect(results(page)).toHaveCount(1);
  const choir = results(page).first();
  await expect(choir).toContainText('Suspended since');
  await expect(choir).toContainText('must not claim it');

  await page.getByLabel('Status').selectOption({ label: 'Withdrawn' });
  await expect(page.getByText('No certificates match your search.')).toBeVisible();

  // Postcodes match with or without their space.
  await page.getByLabel('Status').selectOption({ label: 'Any status' });
  await page.getByLabel('Name, town, postcode or certificate number').fill('e83pn');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first()).toContainText('Thames Reading Circle');
  expect(errors).toEqual([]);
});

test('check certificates in the browser: genuine, from a PDF, suspended and tampered', async ({
  page,
}) => {
  const errors = await openSite(page);
  await page.getByRole('link', { name: 'Check a certificate' }).click();
  const input = page.getByLabel('Choose a certificate file (JSON or PDF)');
  const verdict = page.locator('#verify-result');

  await input.setInputFiles(genuine);
  await expect(verdict.getByRole('heading')).toHaveText('Genuine and active');
  await expect(verdict).toContainText('The signature is genuine');
  await expect(verdict).toContainText('Moorside Community Garden');

  await input.setInputFiles(tampered);
  await expect(verdict.getByRole('heading')).toHaveText(
    'Not genuine: the signature does not match',
  );

  await input.setInputFiles(genuinePdf);
  await expect(verdict.getByRole('heading')).toHaveText('Genuine and active');

  await input.setInputFiles(suspendedJson);
  await expect(verdict.getByRole('heading')).toHaveText('Genuine, but suspended');

  await input.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello'),
  });
  await expect(verdict.getByRole('heading')).toHaveText(
    'This file cannot be read as a certificate',
  );
  expect(errors).toEqual([]);
});

test('the register page has no accessibility violations', async ({ page }) => {
  await openSite(page);
  // Keyboard: the skip link comes first and leads to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await expectAccessible(page, 'the published register');
  await page.getByLabel('Choose a certificate file (JSON or PDF)').setInputFiles(tampered);
  await expect(page.locator('#verify-result').getByRole('heading')).toBeVisible();
  await expectAccessible(page, 'the published register after a check');
});
