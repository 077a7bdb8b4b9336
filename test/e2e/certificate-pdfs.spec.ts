import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, test } from './fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('save the PDFs of many certificates into a folder, by keyboard', async ({ page, app }) => {
  test.setTimeout(120_000);
  // A small national data set (the benchmark generator): enough certificates for the batch to
  // be spread over worker threads, as it is at scale.
  const seeded = spawnSync(
    process.execPath,
    [
      'scripts/bench/run.mjs',
      'data',
      '--providers',
      '40',
      '--seed',
      '3',
      '--data-dir',
      app.dataDir,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(seeded.status, seeded.stderr).toBe(0);
  const out = mkdtempSync(join(tmpdir(), 'spqa-e2e-pdfs-'));
  try {
    await page.goto(`${app.url}#/certificates`);
    await page.getByRole('link', { name: 'Save PDFs…' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Save certificate PDFs' }),
    ).toBeVisible();
    await expectAccessible(page, 'the save PDFs screen');

    // Nothing chosen and no folder: both problems are listed.
    await page.getByLabel(/^Active \(/).uncheck();
    await page.getByLabel(/^Suspended \(/).uncheck();
    await page.getByRole('button', { name: 'Save the PDFs' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: 'Choose statuses that at least one certificate has' }),
    ).toBeVisible();
    await expect(
      summary.getByRole('link', { name: 'Enter the folder to save the PDFs into' }),
    ).toBeVisible();
    await expectAccessible(page, 'the save PDFs screen with errors');

    // By keyboard: tick Active with the space bar, type the folder, press Enter.
    const active = page.getByLabel(/^Active \(/);
    const label = (await page.locator('label[for="field-status-active"]').textContent()) ?? '';
    const count = Number(/\((\d+)\)/.exec(label)?.[1]);
    expect(count).toBeGreaterThanOrEqual(8);
    await active.focus();
    await page.keyboard.press('Space');
    await expect(active).toBeChecked();
    const folder = join(out, 'certificates');
    await page.getByLabel('Folder to save into').fill(folder);
    await page.getByLabel('Folder to save into').press('Enter');

    const saved = page.getByRole('region', { name: 'Saved' });
    await expect(saved.getByRole('status')).toContainText(`Saved ${count} certificate PDFs`, {
      timeout: 60_000,
    });
    await expectAccessible(page, 'the save PDFs screen when done');

    const files = readdirSync(folder);
    expect(files).toHaveLength(count);
    for (const file of files) {
      expect(file).toMatch(/^SPQA-\d{4}-\d{6}\.pdf$/);
      expect(readFileSync(join(folder, file)).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const first = files[0] ?? '';
    const verified = await app.cli(['certificate', 'verify', join(folder, first)]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`VALID: ${first.replace(/\.pdf$/, '')}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
