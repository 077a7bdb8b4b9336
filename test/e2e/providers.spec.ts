import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { tabTo } from './pages/keyboard';
import { ProviderFormPage } from './pages/provider-form';

test('create a provider by keyboard, with a validation error first, then add a service', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expectAccessible(page, 'the empty dashboard');

  const form = new ProviderFormPage(page);
  await form.open(app.url);
  await expectAccessible(page, 'the add provider form');

  // Submitting with nothing filled in lists the problems and moves focus to them.
  await form.submit();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter the organisation’s name' })).toBeVisible();
  await expectAccessible(page, 'the add provider form with errors');

  // A postcode the core refuses comes back to its field.
  await form.fill({
    name: 'Riverside Walking Group',
    type: 'Activity or service provider',
    charityNumber: '1198765',
    region: 'North West',
    town: 'Preston',
    postcode: 'NOT A POSTCODE',
  });
  await form.submit();
  await expect(page.locator('#error-postcode')).toContainText('is not a UK postcode');
  await page.getByLabel('Postcode (optional)').fill('');
  await form.typeInto('Postcode (optional)', 'pr1 2hh');
  await form.submit();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Riverside Walking Group' }),
  ).toBeVisible();
  await expect(page.getByText('PR1 2HH')).toBeVisible();
  await expect(page.getByText('1198765')).toBeVisible();
  await expectAccessible(page, 'the provider page');

  // Add a service with its referral capacity.
  await tabTo(page, page.locator('#add-service'));
  await page.keyboard.press('Enter');
  const service = page.getByRole('form', { name: 'Add a service' });
  await service.getByLabel('Service or activity name').fill('Saturday health walks');
  await service.getByLabel('Category').selectOption({ label: 'Exercise and leisure' });
  await service.getByLabel('Who can refer').selectOption({ label: 'Any agency or organisation' });
  await service.getByLabel('People can refer themselves').check();
  await service.getByLabel('Places per month (optional)').fill('20');
  await service.getByLabel('Current waiting time in weeks (optional)').fill('two');
  await service.getByRole('button', { name: 'Add service' }).click();
  await expect(service.getByRole('alert')).toContainText('Waiting time must be a whole number');
  await service.getByLabel('Current waiting time in weeks (optional)').fill('2');
  await expectAccessible(page, 'the add service form with an error');
  await service.getByRole('button', { name: 'Add service' }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Saturday health walks' }),
  ).toBeVisible();
  await expect(
    page.getByText('Accepting referrals, 20 places a month, waiting time 2 weeks'),
  ).toBeVisible();

  // What the screen showed is what was saved.
  const listed = await app.cli(['--json', 'provider', 'list']);
  const items = (
    JSON.parse(listed.stdout) as {
      items: { name: string; charityNumber: string; serviceCount: number }[];
    }
  ).items;
  expect(items).toEqual([
    expect.objectContaining({
      name: 'Riverside Walking Group',
      charityNumber: '1198765',
      serviceCount: 1,
    }),
  ]);
});

test('import providers from CSV: row errors first, nothing saved, then a clean file', async ({
  page,
  app,
}, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const bad = join(testInfo.outputDir, 'bad.csv');
  const good = join(testInfo.outputDir, 'good.csv');
  writeFileSync(
    bad,
    'name,type,region,postcode,charity_number,company_number\n' +
      'Good One,activity,london,E8 3PN,1100001,\n' +
      'Bad Type,club,london,E8 3PN,1100002,\n' +
      'Bad Postcode,activity,wales,NOWHERE,,\n',
  );
  writeFileSync(
    good,
    'name,type,region,postcode,charity_number,company_number\n' +
      'Good One,activity,london,E8 3PN,1100001,\n' +
      'Good Two,link-worker,North East,NE1 2PQ,,09123457\n',
  );
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Import providers' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Import providers from a CSV file' }),
  ).toBeVisible();
  await expectAccessible(page, 'the import page');

  await page.getByLabel('Choose a CSV file').setInputFiles(bad);
  const problems = page.getByRole('table', { name: 'Problems in bad.csv' });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('row', { name: /^3 type/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^4 postcode/ })).toContainText(
    'not a UK postcode',
  );
  await expect(page.getByRole('heading', { name: 'Nothing was imported' })).toBeVisible();
  await expectAccessible(page, 'the import page with row errors');
  expect(JSON.parse((await app.cli(['--json', 'provider', 'list'])).stdout).total).toBe(0);

  await page.getByLabel('Choose a CSV file').setInputFiles(good);
  await page.getByRole('button', { name: 'Import 2 providers' }).click();
  await expect(page.getByText('Imported 2 providers.')).toBeVisible();
  expect(JSON.parse((await app.cli(['--json', 'provider', 'list'])).stdout).total).toBe(2);
  await page.getByRole('link', { name: 'See the providers' }).click();
  await expect(page.getByRole('link', { name: 'Good Two' })).toBeVisible();
  await page.getByLabel('Search').fill('ne1');
  await expect(page.getByRole('status').filter({ hasText: '1 provider found' })).toBeVisible();
  await expectAccessible(page, 'the providers list');
});
