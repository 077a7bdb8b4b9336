import { expect, type Locator, type Page } from '@playwright/test';

export interface EvidenceDetails {
  title?: string;
  kind?: string;
  effective?: string;
  expiry?: string;
  personalData?: boolean;
  keepUntil?: string;
  notes?: string;
}

/** Fills the description fields shared by the add form and the edit dialog. */
export async function describeEvidence(scope: Locator, d: EvidenceDetails): Promise<void> {
  if (d.title !== undefined) await scope.getByLabel(/^Title/).fill(d.title);
  if (d.kind) await scope.getByLabel('Kind of evidence').selectOption({ label: d.kind });
  if (d.effective) await scope.getByLabel(/^Effective date/).fill(d.effective);
  if (d.expiry) await scope.getByLabel(/^Expiry date/).fill(d.expiry);
  if (d.personalData) await scope.getByLabel('Contains personal data').check();
  if (d.keepUntil) await scope.getByLabel(/^Keep until/).fill(d.keepUntil);
  if (d.notes) await scope.getByLabel(/^Notes/).fill(d.notes);
}

/** The evidence block under one criterion on the rating screen. */
export class CriterionEvidence {
  constructor(
    private readonly page: Page,
    readonly code: string,
  ) {}

  get root(): Locator {
    return this.page.getByRole('group', { name: `Evidence for ${this.code}` });
  }

  get form(): Locator {
    return this.page.getByRole('form', { name: `Add evidence for ${this.code}` });
  }

  get toggle(): Locator {
    return this.root.getByRole('button', { name: `Add evidence for ${this.code}` });
  }

  async openForm(): Promise<Locator> {
    await this.toggle.click();
    await expect(this.form).toBeVisible();
    return this.form;
  }

  /** Picks files with the file picker, describes them and adds them. */
  async addFiles(files: string[], details: EvidenceDetails = {}): Promise<void> {
    const form = await this.openForm();
    await form.getByLabel('Choose files').setInputFiles(files);
    await describeEvidence(form, details);
    await form.getByRole('button', { name: /^Add (evidence|\d+ files)/ }).click();
    await expect(this.form).toHaveCount(0);
  }

  item(title: string): Locator {
    return this.root.getByRole('listitem').filter({ hasText: title });
  }

  async openPreview(title: string): Promise<PreviewDialog> {
    const button = this.root.getByRole('button', { name: `Preview ${title}`, exact: true });
    await button.click();
    return new PreviewDialog(this.page, title, button);
  }
}

/** The modal preview of one piece of evidence. */
export class PreviewDialog {
  constructor(
    private readonly page: Page,
    readonly title: string,
    readonly opener: Locator,
  ) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: `Preview: ${this.title}` });
  }

  /** Escape shuts it and focus goes back to the button that opened it. */
  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toHaveCount(0);
    await expect(this.opener).toBeFocused();
  }
}
