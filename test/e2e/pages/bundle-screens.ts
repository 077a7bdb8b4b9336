import { expect, type Locator, type Page } from '@playwright/test';

/** The Import bundle screen (#/bundles). */
export class ImportBundleScreen {
  readonly picker: Locator;
  readonly preview: Locator;
  readonly refusal: Locator;

  constructor(private readonly page: Page) {
    this.picker = page.locator('#field-bundle-file');
    this.preview = page.getByRole('region', { name: /^What importing .* would do$/ });
    this.refusal = page.getByRole('alert').filter({ hasText: 'was not imported' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url.replace(/\?.*$/, '#/bundles'));
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Import a bundle' }),
    ).toBeVisible();
  }

  async choose(file: string): Promise<void> {
    await this.picker.setInputFiles(file);
  }

  /** The row of the preview table for a record, found by its name. */
  row(name: string | RegExp): Locator {
    return this.preview
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name }) });
  }
}

/** The Trusted keys screen (#/bundles/keys). */
export class TrustedKeysScreen {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Keys you trust' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url.replace(/\?.*$/, '#/bundles/keys'));
    await expect(this.page.getByRole('heading', { level: 1, name: 'Trusted keys' })).toBeVisible();
  }

  async trust(pemFile: string, name: string): Promise<void> {
    await this.page.getByLabel('Public key file (.pem)').setInputFiles(pemFile);
    await this.page.getByLabel('Whose key is it?').fill(name);
    await this.page.getByRole('button', { name: 'Trust this key' }).click();
  }
}
