import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses Tab until the given element has focus, proving it is reachable by keyboard in the
 * page's own tab order (no clicking, no programmatic focus).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  const id = await target.getAttribute('id');
  if (!id) throw new Error('tabTo needs an element with an id');
  for (let i = 0; i < maxPresses; i += 1) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  expect(
    await page.evaluate(() => document.activeElement?.id),
    `could not reach #${id} by Tab`,
  ).toBe(id);
}
