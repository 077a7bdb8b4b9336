import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { certify, cliFor, REGISTER_PASSPHRASE, runOk } from './register-seed';

test('publish the register from the Publish screen, with progress, then see the dashboard', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'spqa-e2e-publish-'));
  try {
    const cli = cliFor(app.dataDir);
    await certify(cli, work, {
      name: 'Riverside Walking Group',
      region: 'north-west',
      postcode: 'PR1 2HH',
      service: { name: 'Saturday health walks', category: 'exercise-and-leisure' },
    });
    const suspended = await certify(cli, work, {
      name: 'Harbour Arts Collective',
      region: 'south-west',
      postcode: 'BS1 4DJ',
      service: { name: 'Open studio', category: 'arts' },
    });
    await runOk(cli, ['certificate', 'suspend', suspended, '--reason', 'Safeguarding lead left']);

    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Publish register' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Publish the register' }),
    ).toBeVisible();
    await expect(page.getByText('2 certificates will be published')).toBeVisible();
    await expectAccessible(page, 'the publish screen');

    // Nothing filled in: the problems are listed and lead to their fields.
    const folder = page.getByLabel('Folder to publish into');
    await folder.fill('');
    await page.getByRole('button', { name: 'Publish the register' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: 'Enter the folder to publish into' }),
    ).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Enter the signing passphrase' })).toBeVisible();
    await expectAccessible(page, 'the publish screen with errors');

    // A wrong passphrase comes back to its field, and nothing is written.
    const out = join(work, 'register');
    await folder.fill(out);
    await page.getByLabel('Signing passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Publish the register' }).click();
    await expect(page.locator('#error-passphrase')).toContainText('wrong passphrase');
    expect(existsSync(out)).toBe(false);

    // Watch for the progress bar: the build is quick, so it may show only for a moment.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { spqaSeen: number[] }).spqaSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector(
          '[role="progressbar"][aria-label="Publishing the register"]',
        );
        if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')));
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    await page.getByLabel('Open Referral UK 3.0 (oruk/)').uncheck();
    await page.getByLabel('Signing passphrase').fill(REGISTER_PASSPHRASE);
    await page.getByRole('button', { name: 'Publish the register' }).click();

    const published = page.getByRole('region', { name: 'Published' });
    await expect(published.getByRole('status')).toContainText('Published 2 certificates to');
    // The bar was shown while it built (how far it moved before the end depends on how the
    // progress events and the result arrive; the core's events are checked in the integration
    // tests).
    const seen = await page.evaluate(() => (window as unknown as { spqaSeen: number[] }).spqaSeen);
    expect(seen.length).toBeGreaterThan(0);
    const files = published.getByRole('table', { name: 'Files in the publication' });
    const listed = ['index.html', 'register.csv', 'register.json', 'status.json', 'manifest.json'];
    for (const name of listed) await expect(files.getByRole('rowheader', { name })).toBeVisible();
    await expect(files.getByRole('rowheader', { name: 'oruk/services.json' })).toHaveCount(0);
    for (const name of [...listed, 'public-key.pem'])
      expect(existsSync(join(out, name)), name).toBe(true);
    expect(existsSync(join(out, 'oruk'))).toBe(false);
    expect(readFileSync(join(out, 'register.csv'), 'utf8')).toContain('Harbour Arts Collective');

    await published.getByRole('button', { name: 'Check the publication' }).click();
    await expect(
      published.getByRole('heading', { name: /The publication checks out/ }),
    ).toBeVisible();
    await expectAccessible(page, 'the publish screen after publishing');

    // The CLI agrees with the screen.
    await runOk(cliFor(app.dataDir), ['register', 'verify', out]);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Network' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Network dashboard' })).toBeVisible();
    const totals = page.getByRole('region', { name: 'Totals' });
    await expect(
      totals.getByRole('listitem').filter({ hasText: 'active certificates' }),
    ).toContainText('1');
    await expect(totals.getByRole('listitem').filter({ hasText: 'suspended' })).toContainText('1');
    const byRegion = page
      .getByRole('figure', { name: 'Active and suspended certificates by the holder’s region' })
      .getByRole('table');
    await expect(byRegion.getByRole('row', { name: /North West/ })).toContainText('1');
    await expect(byRegion.getByRole('row', { name: /South West/ })).toContainText('1');
    await expect(page.getByText('No conditions are overdue.')).toBeVisible();
    await expectAccessible(page, 'the network dashboard');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
