import { expect, expectAccessible, test } from './fixtures';
import { AssessmentScreen } from './pages/assessment';
import { tabTo } from './pages/keyboard';
import { seedProvider } from './seed';

test('self-assess a whole domain by keyboard, then see the readiness summary and plan an action', async ({
  page,
  app,
}) => {
  // About 40 s on a quiet machine (every criterion of a domain rated by keyboard); a CI run on a
  // busy machine went past the default 60 s.
  test.setTimeout(120_000);
  const providerId = await seedProvider(app);

  await page.goto(app.url);
  await page.goto(app.url.replace(/\?.*$/, `#/providers/${providerId}`));
  await tabTo(page, page.locator('#start-self-assessment'));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Self-assessment: Moorside Reading Circle' }),
  ).toBeVisible();
  // An activity provider is not asked about link worker practice.
  const domains = page.getByRole('navigation', { name: 'Domains' });
  await expect(domains.getByRole('link')).toHaveCount(4);
  await expect(domains).not.toContainText('Link worker practice');
  await expectAccessible(page, 'the assessment screen');

  const screen = new AssessmentScreen(page);
  await screen.openDomain('Outcomes and learning');
  // OL1.1 is essential and has no evidence yet: Met is held back until a reason is recorded.
  await screen.rateMetWithOverride('OL1.1', 'Survey results are on paper in the office.');
  await screen.rate('OL1.2', 'Partially met');
  await screen.rate('OL1.3', 'Not applicable', 'We only use free measures such as ONS4');
  await screen.rate('OL2.1', 'Not met');
  await screen.rate('OL2.2', 'Met');
  await screen.rate('OL2.3', 'Partially met');
  // Changing a rating is saved too.
  await screen.rate('OL2.1', 'Partially met');
  await expect(screen.domainCount('Outcomes and learning')).toContainText('6 of 6 rated');
  await expect(page.getByRole('progressbar', { name: 'Criteria rated' })).toHaveAttribute(
    'aria-valuenow',
    '6',
  );

  // A note is saved when the field is left.
  await tabTo(page, page.locator('#criterion-OL2-1-note'));
  await page.keyboard.type('Survey planned for the spring term.');
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved: OL2.1 rated Partially met.' }),
  ).toBeVisible();
  await expectAccessible(page, 'the assessment screen with ratings');

  // Everything was saved at once: a fresh load shows the same.
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Outcomes and learning' }),
  ).toBeVisible();
  await expect(page.locator('#criterion-OL1-3-na')).toBeChecked();
  await expect(page.locator('#criterion-OL1-3-reason')).toHaveValue(
    'We only use free measures such as ONS4',
  );
  await expect(page.locator('#criterion-OL2-1-partial')).toBeChecked();
  await expect(page.locator('#criterion-OL2-1-note')).toHaveValue(
    'Survey planned for the spring term.',
  );

  // The readiness summary: scores by domain, with the same figures in a table.
  await page
    .getByRole('navigation', { name: 'Assessment views' })
    .getByRole('link', { name: 'Readiness summary' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Readiness summary/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Scores and ratings by domain' });
  // OL: met 2, partial 3 (x0.5), N/A excluded -> 3.5 of 5 = 70%.
  await expect(table.getByRole('row', { name: /Outcomes and learning/ })).toContainText('70%');
  await expect(page.getByRole('img', { name: /Score by domain/ })).toBeVisible();
  await expect(page.locator('.outcome')).toHaveText('Not yet accredited');
  await expectAccessible(page, 'the readiness summary');

  // Plan an improvement for a criterion that is not fully met.
  await page
    .getByRole('navigation', { name: 'Assessment views' })
    .getByRole('link', { name: 'Improvement plan' })
    .click();
  const plan = page.getByRole('form', { name: /OL2\.1/ });
  await plan
    .getByLabel('What will be done')
    .fill('Run a feedback survey and publish what we changed.');
  await plan.getByLabel('Owner').fill('Jo Patel');
  await plan.getByLabel('Due date').fill('2027-03-31');
  await plan.getByRole('button', { name: 'Save action for OL2.1' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Action for OL2.1 saved.' }),
  ).toBeVisible();
  await expectAccessible(page, 'the improvement plan');

  const shown = await app.cli([
    '--json',
    'assessment',
    'show',
    page.url().split('/assessments/')[1]?.split('/')[0] ?? '',
  ]);
  const detail = JSON.parse(shown.stdout) as {
    actions: { criterion: string; owner: string; dueDate: string }[];
    ratings: { criterion: string }[];
  };
  expect(detail.ratings).toHaveLength(6);
  expect(detail.actions).toEqual([
    expect.objectContaining({ criterion: 'OL2.1', owner: 'Jo Patel', dueDate: '2027-03-31' }),
  ]);
});

test('every screen of a populated app passes the accessibility scan', async ({ page, app }) => {
  // About 45 s on a quiet machine: every screen is visited and scanned.
  test.setTimeout(120_000);
  expect((await app.cli(['demo'])).code).toBe(0);
  const assessments = JSON.parse((await app.cli(['--json', 'assessment', 'list'])).stdout) as {
    id: string;
    providerId: string;
  }[];
  const a = assessments[0];
  if (!a) throw new Error('the demo has no assessments');
  const base = app.url.replace(/\?.*$/, '');
  await page.goto(app.url);
  for (const [hash, what] of [
    ['#/', 'the dashboard'],
    ['#/providers', 'the providers list'],
    [`#/providers/${a.providerId}`, 'a provider'],
    [`#/providers/${a.providerId}/edit`, 'the edit form'],
    [`#/assessments/${a.id}/domain/GS`, 'an assessment domain'],
    [`#/assessments/${a.id}/readiness`, 'the readiness summary'],
    [`#/assessments/${a.id}/plan`, 'the improvement plan'],
    [`#/assessments/${a.id}/evidence`, 'the evidence of an assessment'],
    ['#/evidence', 'the evidence store'],
    ['#/frameworks', 'the frameworks list'],
    ['#/frameworks/spqa-national@1.0.0', 'the framework'],
    ['#/no-such-page', 'the not found page'],
  ] as const) {
    await page.goto(`${base}${hash}`);
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await expectAccessible(page, what);
  }
});
