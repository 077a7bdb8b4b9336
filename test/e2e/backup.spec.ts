import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type AppServer } from './fixtures';
import { tabTo } from './pages/keyboard';
import { ProviderFormPage } from './pages/provider-form';

async function runOk(app: AppServer, args: string[]): Promise<string> {
  const run = await app.cli(args);
  expect(run.code, `spqa ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run.stdout;
}

async function providerNames(app: AppServer): Promise<string[]> {
  const listed = JSON.parse(await runOk(app, ['--json', 'provider', 'list'])) as {
    items: { name: string }[];
  };
  return listed.items.map((p) => p.name).sort();
}

async function openBackupScreen(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Backup', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup and restore' })).toBeVisible();
}

/** Types into a field reached by Tab, as a keyboard user would. */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, page.locator(`#${id}`));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

async function pressButton(page: Page, id: string): Promise<void> {
  await tabTo(page, page.locator(`#${id}`));
  await page.keyboard.press('Enter');
}

test('make a backup, add a provider, then check and restore the backup by keyboard', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'spqa-e2e-backup-'));
  try {
    for (const name of ['Riverside Walking Group', 'Harbour Arts Collective'])
      await runOk(app, ['provider', 'add', '--name', name, '--type', 'activity']);

    await page.goto(app.url);
    await openBackupScreen(page);
    await expect(page.getByText(app.dataDir, { exact: true })).toBeVisible();
    await expectAccessible(page, 'the backup screen');

    // Nothing typed: the problem is named and leads to its field.
    await pressButton(page, 'make-backup');
    const makeSection = page.getByRole('region', { name: 'Make a backup' });
    const makeProblems = makeSection.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(makeProblems).toBeFocused();
    await expect(
      makeProblems.getByRole('link', { name: 'Enter the file to save the backup as' }),
    ).toBeVisible();
    await expectAccessible(page, 'the backup screen with a problem');

    // A folder that does not exist is named plainly.
    await typeInto(page, 'field-backupPath', join(work, 'no-such-folder', 'backup.zip'));
    await pressButton(page, 'make-backup');
    await expect(page.locator('#error-backupPath')).toContainText(
      `The folder ${join(work, 'no-such-folder')} does not exist.`,
    );

    const archive = join(work, 'spqa-backup.zip');
    await typeInto(page, 'field-backupPath', archive);
    await pressButton(page, 'make-backup');
    const made = makeSection.getByRole('status').filter({ hasText: 'Backup made' });
    await expect(made).toContainText(`Saved to ${archive}`);
    await expect(made.getByRole('heading', { name: 'Backup made' })).toBeFocused();
    const madeCounts = made.getByRole('table', { name: 'Records in the backup' });
    await expect(madeCounts.getByRole('row', { name: 'Providers 2' })).toBeVisible();
    expect(existsSync(archive)).toBe(true);
    await expectAccessible(page, 'the backup screen after a backup');

    // A change after the backup, which the restore will take away.
    const form = new ProviderFormPage(page);
    await form.open(app.url);
    await form.fill({ name: 'Added After The Backup', type: 'Link worker service' });
    await form.submit();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Added After The Backup' }),
    ).toBeVisible();
    expect(await providerNames(app)).toContain('Added After The Backup');

    await openBackupScreen(page);
    const restoreSection = page.getByRole('region', { name: 'Restore a backup' });
    const restoreProblems = restoreSection
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' });

    // Paths that are not backups are refused by name, and nothing changes.
    const nowhere = join(work, 'nowhere.zip');
    await typeInto(page, 'field-archivePath', nowhere);
    await pressButton(page, 'check-backup');
    await expect(restoreProblems).toBeFocused();
    await expect(
      restoreProblems.getByRole('link', { name: `${nowhere}: no such file.` }),
    ).toBeVisible();
    await expect(page.locator('#error-archivePath')).toContainText('no such file');
    await expectAccessible(page, 'the restore form with a bad path');
    const notABackup = join(work, 'notes.zip');
    writeFileSync(notABackup, 'these are notes, not a zip archive');
    await typeInto(page, 'field-archivePath', notABackup);
    await pressButton(page, 'check-backup');
    await expect(page.locator('#error-archivePath')).toContainText(
      `${notABackup} is not a readable backup archive`,
    );

    // The backup: checked, and what it holds shown, before anything changes.
    await typeInto(page, 'field-archivePath', archive);
    await pressButton(page, 'check-backup');
    const checked = restoreSection.getByRole('region', { name: 'What the backup holds' });
    await expect(checked.getByRole('heading', { name: 'What the backup holds' })).toBeFocused();
    await expect(checked.getByRole('status')).toContainText('This is a complete SPQA backup');
    await expect(checked.getByRole('definition').filter({ hasText: archive })).toBeVisible();
    await expect(checked.getByText('Made by')).toBeVisible();
    await expect(checked.getByText('Schema version')).toBeVisible();
    await expect(checked.getByText('Evidence files')).toBeVisible();
    const checkedCounts = checked.getByRole('table', { name: 'Records in the backup' });
    await expect(checkedCounts.getByRole('row', { name: 'Providers 2' })).toBeVisible();
    await expectAccessible(page, 'the restore form with a checked backup');
    expect(await providerNames(app)).toContain('Added After The Backup');

    // Watch for the progress bar: the restore is quick, so it may show only for a moment.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { spqaSeen: string[] }).spqaSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector(
          '[role="progressbar"][aria-label="Restoring the backup"]',
        );
        if (bar) seen.push(bar.getAttribute('aria-valuetext') ?? '');
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });

    // The confirmation says where the current records will be kept; Escape backs out.
    await pressButton(page, 'restore-backup');
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog).toContainText('before-restore-<time>');
    await expect(dialog).toContainText(app.dataDir);
    await expectAccessible(page, 'the restore confirmation');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator('#restore-backup')).toBeFocused();
    expect(await providerNames(app)).toContain('Added After The Backup');

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Restore the backup' });
    for (let i = 0; i < 5 && !(await confirm.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');

    const restored = restoreSection.getByRole('status').filter({ hasText: 'Backup restored' });
    await expect(restored.getByRole('heading', { name: 'Backup restored' })).toBeFocused();
    const [aside] = readdirSync(app.dataDir).filter((n) => n.startsWith('before-restore-'));
    expect(aside).toBeDefined();
    await expect(restored).toContainText('The records it replaced are kept in this folder');
    await expect(restored.getByText(join(app.dataDir, aside ?? ''), { exact: true })).toBeVisible();
    expect(existsSync(join(app.dataDir, aside ?? '', 'spqa.db'))).toBe(true);
    const seen = await page.evaluate(() => (window as unknown as { spqaSeen: string[] }).spqaSeen);
    expect(seen.length).toBeGreaterThan(0);
    await expectAccessible(page, 'the backup screen after a restore');

    // The app now shows the records of the backup: the provider added since is gone.
    await pressButton(page, 'restored-dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Providers' })
      .click();
    await expect(
      page.getByRole('link', { name: 'Riverside Walking Group', exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Harbour Arts Collective' })).toBeVisible();
    await expect(page.getByText('Added After The Backup')).toHaveCount(0);

    // The CLI agrees, and the restored trail is whole and ends with the restore.
    expect(await providerNames(app)).toEqual([
      'Harbour Arts Collective',
      'Riverside Walking Group',
    ]);
    await runOk(app, ['audit', 'verify']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
