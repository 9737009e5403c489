import type { Locator, Page } from '@playwright/test';

export interface Customer {
  identifierType: string;
  identifierValue: string;
  deviceId: string;
  brand: string;
  /** Left empty to start a session from the popup. */
  sessionId?: string;
}

/** The popup as an agent sees it: found by labels and roles only. */
export class PopupPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  get url() {
    return `chrome-extension://${this.extensionId}/popup.html`;
  }

  async open() {
    await this.page.goto(this.url);
    await this.sendButton.waitFor();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get sendButton() {
    return this.page.getByRole('button', { name: /^Send OTP/ });
  }

  get validateButton() {
    return this.page.getByRole('button', { name: 'Validate OTP' });
  }

  get status() {
    return this.page.getByRole('status');
  }

  get alert() {
    return this.page.getByRole('alert');
  }

  async fill(customer: Customer) {
    await this.field('Identifier type').selectOption(customer.identifierType);
    await this.field('Identifier value').fill(customer.identifierValue);
    await this.field('Device ID').fill(customer.deviceId);
    await this.field('Brand').fill(customer.brand);
    await this.field('Session ID').fill(customer.sessionId ?? '');
  }

  /** Shows the customer's fields again where the step under way folded them into one line. */
  async unfold() {
    const change = this.page.getByRole('button', { name: 'Change', exact: true });
    if (await change.isVisible()) await change.click();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Where the calls go, as the band says it. */
  get band() {
    return this.page.getByText('Calls go to').locator('..');
  }

  async validate(otp: string) {
    await this.field('OTP').fill(otp);
    await this.validateButton.click();
  }
}
