import type { Page } from '@playwright/test';
import { tabTo } from './keyboard';

export interface ProviderFields {
  name: string;
  type:
    | 'Link worker service'
    | 'Activity or service provider'
    | 'Link worker service and activity provider';
  charityNumber?: string;
  region?: string;
  addressLine1?: string;
  town?: string;
  postcode?: string;
}

/** The add/edit provider form, filled by keyboard in tab order. */
export class ProviderFormPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.page.getByRole('link', { name: 'Providers', exact: true }).click();
    await this.page.getByRole('link', { name: 'Add a provider' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Add a provider' }).waitFor();
  }

  async typeInto(label: string, value: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await tabTo(this.page, field);
    await this.page.keyboard.type(value);
  }

  async choose(label: string, option: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await tabTo(this.page, field);
    await field.selectOption({ label: option });
  }

  async fill(fields: ProviderFields): Promise<void> {
    await this.typeInto('Organisation name', fields.name);
    await this.choose('Type of provider', fields.type);
    if (fields.charityNumber)
      await this.typeInto('Charity number (optional)', fields.charityNumber);
    if (fields.region) await this.choose('Region or nation (optional)', fields.region);
    if (fields.addressLine1) await this.typeInto('Address line 1 (optional)', fields.addressLine1);
    if (fields.town) await this.typeInto('Town or city (optional)', fields.town);
    if (fields.postcode) await this.typeInto('Postcode (optional)', fields.postcode);
  }

  async submit(): Promise<void> {
    await tabTo(this.page, this.page.locator('#submit-provider'));
    await this.page.keyboard.press('Enter');
  }
}
