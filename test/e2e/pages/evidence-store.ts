import { expect, type Locator, type Page } from '@playwright/test';

/** The evidence store screen: integrity check, retention list and unused files. */
export class EvidenceStoreScreen {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Evidence store' })
      .click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Evidence store' }),
    ).toBeFocused();
  }

  get retention(): Locator {
    return this.page.getByRole('region', { name: 'Evidence past its keep-until date' });
  }

  async checkAllFiles(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check all evidence files' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: /^Check finished/ }),
    ).toBeAttached();
  }

  get problems(): Locator {
    return this.page.getByRole('table', { name: 'Files missing or altered' });
  }
}
