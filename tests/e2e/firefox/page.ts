// An extension page in Firefox, found by labels and roles as an agent sees it (puppeteer's ARIA queries).
import type { Browser, Page } from 'puppeteer-core';
import { extensionUrl } from './launch';

export class FirefoxPage {
  private constructor(readonly page: Page) {}

  /** Opens one of the extension's pages in a tab. Firefox never resolves goto for moz-extension:// URLs, so we wait for the page's heading instead. */
  static async open(browser: Browser, path: string, heading: string): Promise<FirefoxPage> {
    const page = await browser.newPage();
    const url = extensionUrl(path);
    void page.goto(url).catch(() => undefined);
    // A wait begun on about:blank fails when the navigation replaces the document, so wait for the new document
    // first (page.url() is not updated for these navigations, so ask the document itself).
    const deadline = Date.now() + 15_000;
    const at = () => page.evaluate(() => location.href).catch(() => '');
    while ((await at()) !== url && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await page.waitForSelector(`::-p-aria(${heading}[role="heading"])`, { timeout: 15_000 });
    return new FirefoxPage(page);
  }

  /** Types into a field, replacing what it held (a field that offers a list while typing is a combobox). */
  async fill(label: string, value: string, role: 'textbox' | 'combobox' = 'textbox') {
    const field = await this.page.waitForSelector(`::-p-aria(${label}[role="${role}"])`);
    // Emptied as a user would, with an input event, so the page sees an empty field even when nothing is typed after.
    await field!.evaluate((element) => {
      (element as HTMLInputElement).value = '';
      element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    });
    await field!.type(value);
  }

  /** Pastes into a field at once, as an agent pastes a token (typing 400 characters one by one is slow). */
  async paste(label: string, value: string) {
    const field = await this.page.waitForSelector(`::-p-aria(${label}[role="textbox"])`);
    await field!.evaluate((element, text) => {
      (element as HTMLTextAreaElement).value = text;
      element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, value);
  }

  async select(label: string, value: string) {
    const select = await this.page.waitForSelector(`::-p-aria(${label}[role="combobox"])`);
    await select!.select(value);
  }

  async click(button: string) {
    const target = await this.page.waitForSelector(`::-p-aria(${button}[role="button"])`);
    await target!.click();
  }

  /** The text of every element with the role, joined: for expect.poll. */
  textOf(role: 'status' | 'alert' | 'main'): Promise<string> {
    return this.page.evaluate(
      (role) =>
        [...document.querySelectorAll(role === 'main' ? 'main' : `[role="${role}"]`)]
          .map((element) => element.textContent ?? '')
          .join(' | '),
      role,
    );
  }

  close() {
    return this.page.close();
  }
}
