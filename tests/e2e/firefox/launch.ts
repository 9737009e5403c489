// Firefox ESR from Debian's package, driven by puppeteer-core over WebDriver BiDi (no geckodriver here),
// with the built extension installed as a temporary add-on at a fixed moz-extension:// UUID.
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX_ID } from '../../../lib/platform/firefox-id';
import { FIREFOX, requireBrowser } from '../browsers';

export const EXTENSION_UUID = '3f6c1d2e-8a4b-4c7d-9e21-5b0a7f3c9d11';
export const extensionUrl = (page: string) => `moz-extension://${EXTENSION_UUID}/${page}`;

export async function launchFirefox(extensionDir: string, { headless = true } = {}): Promise<Browser> {
  requireBrowser(FIREFOX, 'firefox-esr');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: EXTENSION_UUID }) },
  });
  await browser.installExtension(extensionDir);
  return browser;
}
