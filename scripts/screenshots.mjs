// Takes a screenshot of every screen with demo data, for people to look at (not a test).
// Usage: npm run build && node scripts/screenshots.mjs [OUTDIR]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

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
const url = await new Promise((resolve) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /open (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
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
for (const [name, hash] of shots) {
  await page.goto(`${base}${hash}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  // One shot of what the window shows first, and one of the whole page.
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  await page.screenshot({ path: join(outDir, `${name}-full.png`), fullPage: true });
  console.log(`${outDir}/${name}.png`);
}

// Screens that only appear after an action: a preview open, the override prompt, the add form.
async function shot(name) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`${outDir}/${name}.png`);
}
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

await browser.close();
server.kill();
