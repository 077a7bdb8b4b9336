import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export type FindingLabel =
  'Observation' | 'Good practice' | 'Minor nonconformity' | 'Major nonconformity';

export interface FindingAction {
  action: string;
  owner: string;
  due: string;
}

/** The findings under one criterion of an external assessment. */
export class FindingsPanel {
  constructor(
    private readonly page: Page,
    readonly code: string,
  ) {}

  get root(): Locator {
    return this.page.getByRole('group', { name: `Findings on ${this.code}` });
  }

  /** The open add or edit form (only one is open at a time). */
  get form(): Locator {
    return this.page.getByRole('form', { name: new RegExp(`finding on ${this.code}$`) });
  }

  item(text: string): Locator {
    return this.root.getByRole('listitem').filter({ hasText: text });
  }

  /** Opens the add form by keyboard: the button is focused and Enter pressed. */
  async openAddForm(): Promise<Locator> {
    const button = this.root.getByRole('button', { name: `Add a finding on ${this.code}` });
    await button.focus();
    await this.page.keyboard.press('Enter');
    await expect(this.form).toBeVisible();
    return this.form;
  }

  async fill(type: FindingLabel, text: string, action?: FindingAction): Promise<void> {
    await this.form.getByRole('radio', { name: type }).check();
    await this.form.getByLabel('What you found').fill(text);
    if (action) {
      await this.form.getByLabel('What must be done').fill(action.action);
      await this.form.getByLabel(/^Owner/).fill(action.owner);
      await this.form.getByLabel(/^Due date/).fill(action.due);
    }
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: `Save finding on ${this.code}` }).click();
  }
}

/** A certificate's own screen: status, history, the changes offered and the files. */
export class CertificateScreen {
  constructor(private readonly page: Page) {}

  get status(): Locator {
    return this.page.locator('#certificate-status');
  }

  get history(): Locator {
    return this.page.getByRole('table', { name: /^Status history/ });
  }

  changeButton(name: 'Suspend' | 'Reinstate' | 'Withdraw' | 'Reissue…'): Locator {
    return this.page
      .getByRole('group', { name: 'Change the status' })
      .getByRole('button', { name, exact: true });
  }

  /** Opens the change's dialog, gives the reason and confirms it. */
  async change(name: 'Suspend' | 'Reinstate' | 'Withdraw', reason: string): Promise<Locator> {
    await this.changeButton(name).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`^${name} SPQA-`) });
    await dialog.getByLabel(`Reason to ${name.toLowerCase()} it`).fill(reason);
    await dialog.getByRole('button', { name: `${name} the certificate` }).click();
    await expect(dialog).toHaveCount(0);
    return dialog;
  }
}

/** Clicks a button that downloads a file and returns the file's name and bytes. */
export async function download(
  page: Page,
  button: Locator,
): Promise<{ fileName: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), bytes: readFileSync(path) };
}
