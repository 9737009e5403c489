// `npm run screenshots`: the built extension driven against the sandbox, as an agent uses it, photographed in light
// and dark. The README shows these files; they are regenerated with this script, never made by hand.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchChromium, unpackedExtensionId } from '../e2e/chromium/launch';
import { PopupPage } from '../e2e/pages/popup';
import { SidePanelPage } from '../e2e/pages/sidepanel';
import { syncedSettings } from '../e2e/synced-settings';
import { chromeOrigin } from '../sandbox/extension-origins';
import { startSandbox } from '../sandbox/server';

const OUT = resolve('tests/screenshots');
const CHROME = resolve('.output/chrome-mv3');
const customer = { identifierType: 'MOBILE', identifierValue: '+1 (876) 743-1754', deviceId: '1234', brand: 'Bukl' };

mkdirSync(OUT, { recursive: true });
const sandbox = await startSandbox({ log: () => {}, extensions: [chromeOrigin(CHROME)] });
const chromium = await launchChromium([CHROME]);
const { context } = chromium;
try {
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  const id = unpackedExtensionId(CHROME);
  for (const scheme of ['light', 'dark'] as const) await shoot(context, id, scheme);
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await chromium.close();
  await sandbox.close();
}

async function shoot(context: BrowserContext, id: string, scheme: 'light' | 'dark') {
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
  const photo = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${name}-${scheme}.png`, fullPage: true });
  const open = async (width: number, height: number) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    return page;
  };

  const popup = new PopupPage(await open(380, 560), id);
  await popup.open();
  await photo(popup.page, 'popup-empty');

  const sessionId = sandbox.openSession({ ...customer, identifierValue: '18767431754' });
  await popup.fill({ ...customer, sessionId });
  await popup.sendButton.click();
  await popup.status.filter({ hasText: 'OTP sent' }).waitFor();
  await photo(popup.page, 'popup-otp-sent');

  const code = sandbox.lastOtp(sessionId)!;
  await popup.validate(code === '000000' ? '111111' : '000000');
  await popup.alert.waitFor();
  await photo(popup.page, 'popup-error');
  await popup.validate(sandbox.lastOtp(sessionId)!);
  await popup.status.filter({ hasText: 'OTP validated' }).waitFor();

  // A second customer, waiting for their code, beside the first, verified.
  await popup.button('New customer').click();
  const second = { ...customer, identifierValue: '919876543210' };
  await popup.fill({ ...second, sessionId: sandbox.openSession(second) });
  await popup.field('Ticket or chat reference').fill('#48213');
  await popup.sendButton.click();
  await popup.status.filter({ hasText: 'OTP sent' }).waitFor();
  await photo(popup.page, 'popup-customers');
  await popup.page.getByRole('tab').first().click();

  const panel = new SidePanelPage(await open(360, 900), `chrome-extension://${id}/sidepanel.html`);
  await panel.open();
  await photo(panel.page, 'side-panel');

  const options = await open(760, 560);
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByRole('button', { name: 'Save' }).waitFor();
  await photo(options, 'options');
  for (const page of [popup.page, panel.page, options]) await page.close();
}
