import type { Locator, Page } from '@playwright/test';

/** The side panel, opened as a tab (Playwright cannot open Chrome's real side panel). */
export class SidePanelPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async open() {
    await this.page.goto(this.url);
    await this.page.getByRole('heading', { name: 'Session' }).waitFor();
  }

  section(name: 'Session' | 'Token' | 'Key' | 'User' | 'Decode' | 'History'): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** Opens a folded section, as an agent clicks its heading (the Key and User folds start closed). */
  async unfold(name: 'Session' | 'Token' | 'Key' | 'User' | 'Decode' | 'History') {
    const details = this.section(name).locator('details').first();
    if ((await details.getAttribute('open')) === null) await this.section(name).locator('summary').first().click();
  }

  /** The row of a claim in the Token or Key section's header or payload table. */
  claim(section: 'Token' | 'Key' | 'Decode', name: string): Locator {
    return this.section(section)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  get pasteBox() {
    return this.page.getByLabel('Paste a JWT');
  }
}
