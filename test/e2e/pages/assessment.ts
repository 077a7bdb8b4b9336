import { expect, type Page } from '@playwright/test';
import { tabTo } from './keyboard';

export type RatingLabel = 'Met' | 'Partially met' | 'Not met' | 'Not applicable';

const RATING_VALUES: Record<RatingLabel, string> = {
  Met: 'met',
  'Partially met': 'partial',
  'Not met': 'not-met',
  'Not applicable': 'na',
};

/** The rating screen of an assessment, driven by keyboard only. */
export class AssessmentScreen {
  constructor(private readonly page: Page) {}

  criterionId(code: string): string {
    return `criterion-${code.replace('.', '-')}`;
  }

  card(code: string) {
    return this.page.locator(`#${this.criterionId(code)}`);
  }

  /** Tabs to the chosen rating's radio button and selects it with the space bar. */
  async rate(code: string, rating: RatingLabel, reason?: string): Promise<void> {
    await this.choose(code, rating, reason);
    await expect(
      this.page.getByRole('status').filter({ hasText: `Saved: ${code} rated ${rating}.` }),
    ).toBeVisible();
  }

  /** Selects a rating by keyboard without waiting for it to be saved (it may be refused). */
  async choose(code: string, rating: RatingLabel, reason?: string): Promise<void> {
    const radio = this.page.locator(`#${this.criterionId(code)}-${RATING_VALUES[rating]}`);
    const group = this.page.locator(`input[name="${this.criterionId(code)}-rating"]`);
    // A radio group is one tab stop: Tab lands on the checked option (or the first), arrows move.
    const checked = this.page.locator(`input[name="${this.criterionId(code)}-rating"]:checked`);
    const entry = (await checked.count()) > 0 ? checked : group.first();
    await tabTo(this.page, entry);
    const order = Object.values(RATING_VALUES);
    const from = order.indexOf((await entry.getAttribute('value')) ?? 'met');
    const to = order.indexOf(RATING_VALUES[rating]);
    for (let i = from; i < to; i += 1) await this.page.keyboard.press('ArrowRight');
    for (let i = from; i > to; i -= 1) await this.page.keyboard.press('ArrowLeft');
    await this.page.keyboard.press('Space');
    await expect(radio).toBeChecked();
    if (rating === 'Not applicable') {
      const reasonBox = this.page.locator(`#${this.criterionId(code)}-reason`);
      await tabTo(this.page, reasonBox);
      await this.page.keyboard.type(reason ?? '');
      await this.page.keyboard.press('Tab');
    }
  }

  /** The prompt shown when an essential criterion has no current evidence to be rated Met. */
  overridePrompt(code: string) {
    return this.card(code).getByRole('group', {
      name: `Met is not saved yet: ${code} needs current evidence`,
    });
  }

  /**
   * Chooses Met for an essential criterion with no current evidence, reads the refusal, and
   * records the reason for overriding it, all by keyboard.
   */
  async rateMetWithOverride(code: string, reason: string): Promise<void> {
    await this.choose(code, 'Met');
    const prompt = this.overridePrompt(code);
    await expect(prompt.getByRole('alert')).toContainText(`${code} is essential`);
    await tabTo(this.page, this.page.locator(`#${this.criterionId(code)}-override`));
    await this.page.keyboard.type(reason);
    await tabTo(this.page, this.page.locator(`#${this.criterionId(code)}-override-save`));
    await this.page.keyboard.press('Enter');
    await expect(
      this.page.getByRole('status').filter({ hasText: `Saved: ${code} rated Met.` }),
    ).toBeVisible();
    await expect(this.card(code).locator(`#${this.criterionId(code)}-override-note`)).toHaveText(
      `Rated Met without current evidence: ${reason}`,
    );
  }

  async openDomain(title: string): Promise<void> {
    const link = this.page
      .getByRole('navigation', { name: 'Domains' })
      .getByRole('link', { name: new RegExp(title) });
    await link.focus();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { level: 2, name: title })).toBeFocused();
  }

  domainCount(title: string) {
    return this.page
      .getByRole('navigation', { name: 'Domains' })
      .getByRole('link', { name: new RegExp(title) });
  }
}
