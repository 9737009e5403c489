// `npm run screenshots`: the built extension driven against the sandbox, as an agent uses it, every step of the popup
// photographed in light, dark and Arabic (right to left). The README shows these files; they are regenerated with this
// script, never made by hand.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchChromium, unpackedExtensionId } from '../e2e/chromium/launch';
import { PopupPage } from '../e2e/pages/popup';
import { syncedSettings } from '../e2e/synced-settings';
import { chromeOrigin } from '../sandbox/extension-origins';
import { startSandbox } from '../sandbox/server';

const OUT = resolve('tests/screenshots');
const CHROME = resolve('.output/chrome-mv3');
const customer = { identifierType: 'MOBILE', identifierValue: '+1 (876) 743-1754', deviceId: '1234', brand: 'Bukl' };

mkdirSync(OUT, { recursive: true });
const sandbox = await startSandbox({ log: () => {}, extensions: [chromeOrigin(CHROME)] });
const id = unpackedExtensionId(CHROME);
try {
  for (const [lang, runs] of [
    [
      '',
      [
        ['light', 'light'],
        ['dark', 'dark'],
      ],
    ],
    ['ar', [['light', 'ar']]],
  ] as const) {
    const chromium = await launchChromium([CHROME], { lang });
    try {
      const { context } = chromium;
      if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
      for (const [scheme, suffix] of runs) await shoot(context, scheme, suffix);
    } finally {
      await chromium.close();
    }
  }
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await sandbox.close();
}

async function shoot(context: BrowserContext, scheme: 'light' | 'dark', suffix: string) {
  const reset = await context.newPage();
  await reset.goto(`chrome-extension://${id}/options.html`);
  await reset.evaluate(
    async (settings) => {
      await chrome.storage.session.clear();
      await chrome.storage.local.clear();
      await chrome.storage.sync.set(settings);
    },
    syncedSettings(sandbox.url, {
      brand: 'Bukl',
      deviceId: '1234',
      brands: [{ brand: 'Bukl' }, { brand: 'Nomad', apiBaseUrl: 'https://apac.api.capillarytech.com' }],
    }),
  );
  await reset.close();
  const photo = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${name}-${suffix}.png`, fullPage: true });
  const open = async (width: number, height: number) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    return page;
  };

  const popup = new PopupPage(await open(380, 560), id);
  await popup.page.goto(popup.url);
  await popup.page.locator('#send-otp').waitFor();
  await photo(popup.page, 'popup-empty');

  // Every step of the chain, from nothing: the first factor, the session it opens, the OTP, a wrong code, verified.
  // The words differ by language: each step is awaited by what is on screen, not by its text.
  await popup.page.locator('#identifier-type').selectOption(customer.identifierType);
  for (const [field, value] of [
    ['identifier-value', customer.identifierValue],
    ['device-id', customer.deviceId],
    ['brand', customer.brand],
  ]) {
    await popup.page.locator(`#${field}`).fill(value);
  }
  await popup.page.locator('.session-start .or button').click();
  await popup.page.locator('#first-factor-otp').waitFor();
  await popup.page.locator('.outcome.ok').waitFor();
  await photo(popup.page, 'popup-first-factor');
  await popup.page.locator('#first-factor-otp').fill(sandbox.lastOtpTo('18767431754', 'first factor')!);
  await popup.page.locator('#first-factor-otp').press('Enter');
  await popup.page.locator('.step.send').waitFor();
  await photo(popup.page, 'popup-session');

  await popup.page.locator('#send-otp').click();
  await popup.page.locator('#otp').waitFor();
  await popup.page.locator('.outcome.ok').waitFor();
  await photo(popup.page, 'popup-otp-sent');
  const sessionId = await popup.page.locator('#session-id').inputValue();
  const code = sandbox.lastOtp(sessionId)!;
  await popup.page.locator('#otp').fill(code === '000000' ? '111111' : '000000');
  await popup.page.locator('#otp').press('Enter');
  await popup.alert.waitFor();
  await photo(popup.page, 'popup-error');
  await popup.page.locator('#otp').fill(sandbox.lastOtp(sessionId)!);
  await popup.page.locator('#otp').press('Enter');
  await popup.page.locator('.verified-until').waitFor();
  await photo(popup.page, 'popup-verified');

  // A second customer, waiting for their code, beside the first, verified.
  await popup.page.keyboard.press('Alt+KeyN');
  await popup.page.getByRole('tab').nth(1).waitFor();
  const second = { ...customer, identifierValue: '919876543210' };
  await popup.page.locator('#identifier-value').fill(second.identifierValue);
  await popup.page.locator('#session-id').fill(sandbox.openSession(second));
  await popup.page.locator('#reference').fill('#48213');
  await popup.page.locator('#send-otp').click();
  await popup.page.locator('#otp').waitFor();
  await photo(popup.page, 'popup-customers');
  await popup.page.getByRole('tab').first().click();

  const panel = await open(360, 900);
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await panel.locator('#session-heading').waitFor();
  await photo(panel, 'side-panel');

  const options = await open(760, 560);
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.locator('button[type="submit"]').first().waitFor();
  await photo(options, 'options');
  for (const page of [popup.page, panel, options]) await page.close();
}
