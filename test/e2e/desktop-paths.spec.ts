import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ChoosePathRequest } from '../../shared/contract/choose-path';
import { expect, expectAccessible, test } from './fixtures';

/** What the stand-in dialog is asked for, and answers (a path, null for Cancel, or a failure). */
interface DialogLog {
  requests: ChoosePathRequest[];
  answers: (string | null | 'fail')[];
}

/**
 * The page as the desktop app has it: a stand-in for the preload bridge (electron/shell/preload.ts),
 * whose contract calls go to the local server as browser mode's do, and whose file dialog answers
 * what the test queues. The Electron window itself cannot run on this machine; the main process's
 * side of the dialog is unit-tested (choose-path.test.ts) and typechecked.
 */
async function asDesktop(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const KEY = 'stand-in.token';
    const fromUrl = new URL(window.location.href).searchParams.get('token');
    if (fromUrl) sessionStorage.setItem(KEY, fromUrl);
    const token = sessionStorage.getItem(KEY) ?? '';
    const log: DialogLog = { requests: [], answers: [] };
    (window as unknown as { dialogLog: DialogLog }).dialogLog = log;
    (window as unknown as { spqa: unknown }).spqa = {
      platform: 'desktop',
      pathForFile() {
        throw new Error('no files are dropped in this test');
      },
      openEvidence() {
        return Promise.resolve({ ok: false, error: { code: 'internal', message: 'not here' } });
      },
      choosePath(request: ChoosePathRequest) {
        log.requests.push(request);
        const answer = log.answers.shift();
        if (answer === 'fail')
          return Promise.resolve({
            ok: false,
            error: { code: 'internal', message: 'no display to show it on' },
          });
        return Promise.resolve({ ok: true, value: { path: answer ?? null } });
      },
      async invoke(method: string, input: unknown, onProgress?: (p: unknown) => void) {
        const response = await fetch('./api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ method, input }),
        });
        for (const line of (await response.text()).split('\n')) {
          if (!line) continue;
          const message = JSON.parse(line) as { type: string; result?: unknown };
          if (message.type === 'result') return message.result;
          onProgress?.(message);
        }
        return { ok: false, error: { code: 'internal', message: 'no result' } };
      },
    };
  });
}

const answer = (page: Page, value: string | null | 'fail') =>
  page.evaluate(
    (v) => (window as unknown as { dialogLog: DialogLog }).dialogLog.answers.push(v),
    value,
  );
const requests = (page: Page) =>
  page.evaluate(() => (window as unknown as { dialogLog: DialogLog }).dialogLog.requests);

test('in the desktop app, the backup file is chosen with the system’s dialog', async ({
  page,
  app,
}) => {
  const work = mkdtempSync(join(tmpdir(), 'spqa-e2e-dialog-'));
  try {
    await asDesktop(page);
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Backup', exact: true })
      .click();
    const field = page.locator('#field-backupPath');
    const choose = page.getByRole('button', { name: 'Choose where to save…' });
    await expect(choose).toBeVisible();
    await expect(choose).toHaveAccessibleDescription('Save the backup as');
    await expectAccessible(page, 'the backup screen with dialog buttons');

    // Chosen: the path goes into the field; the dialog was asked for a new .zip file.
    const archive = join(work, 'chosen-backup.zip');
    await answer(page, archive);
    await choose.focus();
    await page.keyboard.press('Enter');
    await expect(field).toHaveValue(archive);
    await expect(field).toBeFocused();
    // The system's save dialog asks before replacing a file, so the app does not ask again.
    await expect(
      page.getByRole('checkbox', { name: 'Replace the file if it already exists' }),
    ).toBeChecked();
    expect(await requests(page)).toEqual([
      {
        kind: 'new-file',
        title: 'Save the backup as',
        filters: [{ name: 'SPQA backups', extensions: ['zip'] }],
      },
    ]);

    // Cancelled: the field keeps what it had, and the dialog opened where that was.
    await answer(page, null);
    await choose.click();
    await expect.poll(async () => (await requests(page)).length).toBe(2);
    expect((await requests(page))[1]?.defaultPath).toBe(archive);
    await expect(field).toHaveValue(archive);

    // A dialog that cannot open says so, and the field is untouched.
    await answer(page, 'fail');
    await choose.click();
    await expect(page.locator('#error-backupPath')).toContainText(
      'The dialog could not be opened: no display to show it on',
    );
    await expect(field).toBeFocused();
    await expect(field).toHaveAccessibleDescription(/could not be opened/);
    await expect(field).toHaveValue(archive);
    await expectAccessible(page, 'the backup screen after a dialog failed');

    // The chosen path is where the backup is made.
    await page.locator('#make-backup').click();
    await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toContainText(
      `Saved to ${archive}`,
    );
    expect(existsSync(archive)).toBe(true);
    await expect(page.locator('#error-backupPath')).toHaveCount(0);

    // And the backup to check is chosen the same way, as an existing file.
    const restore = page.getByRole('region', { name: 'Restore a backup' });
    await answer(page, archive);
    await restore.getByRole('button', { name: 'Choose a file…' }).click();
    await expect(page.locator('#field-archivePath')).toHaveValue(archive);
    expect((await requests(page)).at(-1)).toEqual({
      kind: 'existing-file',
      title: 'Backup file',
      filters: [
        { name: 'SPQA backups', extensions: ['zip'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    await page.locator('#check-backup').click();
    await expect(
      restore.getByRole('region', { name: 'What the backup holds' }).getByRole('status'),
    ).toContainText('This is a complete SPQA backup');
    await page.screenshot({ path: 'test-results/desktop-paths-backup.png', fullPage: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('browser mode offers no dialog: its page cannot see the computer’s folders', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Backup', exact: true })
    .click();
  await expect(page.locator('#field-backupPath')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Choose/ })).toHaveCount(0);
});
