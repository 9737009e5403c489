import type { Page } from '@playwright/test';

export class OptionsPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  async open() {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html`);
    await this.saveButton.waitFor();
  }

  get apiBaseUrl() {
    return this.page.getByLabel('API base URL');
  }

  get saveButton() {
    return this.page.getByRole('button', { name: 'Save' });
  }

  async saveApiBaseUrl(url: string) {
    await this.apiBaseUrl.fill(url);
    await this.saveButton.click();
  }
}
