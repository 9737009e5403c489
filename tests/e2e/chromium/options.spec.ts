import { SETTINGS_KEY } from '../../../lib/model/settings/read';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/model/settings/settings';
import { storedForm, syncBytes } from '../../../lib/model/settings/sync-form';
import { exportSettings } from '../../../lib/words/settings/transfer';
import { expect, test, updateSettings } from './fixtures';

test('the agent points the extension at the sandbox from the options page, and the popup uses it', async ({ options, popup, sandbox }) => {
  await options.page.getByLabel('Cluster').selectOption('EU');
  await expect(options.apiBaseUrl).toHaveValue('https://eu.api.capillarytech.com');
  await options.saveApiBaseUrl(`${sandbox.url}/`);
  await expect(options.page.getByRole('status')).toHaveText('Saved');
  await expect(options.apiBaseUrl).toHaveValue(sandbox.url);

  await popup.page.reload();
  await expect(popup.page.getByText(new URL(sandbox.url).host)).toBeVisible();
  const customer = { identifierType: 'USERNAME', identifierValue: 'asha_k', deviceId: 'd1', brand: 'Bukl' };
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
});

test('an open popup follows settings saved elsewhere: its band shows where the next call goes, without reopening', async ({
  popup,
  extensionPage,
  sandbox,
}) => {
  await expect(popup.band).toContainText(new URL(sandbox.url).host);
  await updateSettings(extensionPage, { apiBaseUrl: 'https://us.api.capillarytech.com' });
  await expect(popup.band).toContainText('US');
});

test('an http URL to another host is refused and not saved', async ({ options, extensionPage, sandbox }) => {
  await options.saveApiBaseUrl('http://eu.api.capillarytech.com');
  await expect(options.page.getByRole('alert')).toContainText('Use https');
  await expect(options.apiBaseUrl).toHaveAttribute('aria-invalid', 'true');
  const stored = (await extensionPage.evaluate(() => chrome.storage.sync.get('settings'))) as { settings: { apiBaseUrl: string } };
  expect(stored.settings.apiBaseUrl).toBe(sandbox.url);
});

test('one invalid stored setting falls back alone, and the popup says so, naming where calls now go, until Settings are saved', async ({
  popup,
  options,
  extensionPage,
}) => {
  await updateSettings(extensionPage, { apiBaseUrl: 'http://evil.example', brand: 'Bukl', deviceId: 'desk-7' });
  await popup.page.reload();
  await expect(popup.alert).toContainText('reset to their defaults: API base URL');
  await expect(popup.alert).toContainText('Calls now go to https://eu.api.capillarytech.com');
  await expect(popup.band).toContainText('EU');
  await expect(popup.field('Brand')).toHaveValue('Bukl');

  // A page writes nothing back: the notice stays until the agent saves Settings.
  await popup.page.reload();
  await expect(popup.alert).toContainText('reset to their defaults: API base URL');
  await options.page.reload();
  await options.saveButton.click();
  await expect(options.page.getByRole('status')).toContainText('Saved');
  await popup.page.reload();
  await expect(popup.band).toContainText('EU');
  await expect(popup.alert).toHaveCount(0);
});

/** A brand list that makes the stored settings exactly `bytes` long, as storage.sync counts them. */
function settingsOfSize(apiBaseUrl: string, bytes: number): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, apiBaseUrl, brands: [] };
  while (syncBytes(SETTINGS_KEY, storedForm(settings)) < bytes - 300)
    settings.brands.push({ brand: `brand-${'x'.repeat(240)}-${settings.brands.length}` });
  const short = bytes - syncBytes(SETTINGS_KEY, storedForm({ ...settings, brands: [...settings.brands, { brand: 'y' }] }));
  settings.brands.push({ brand: 'y'.repeat(short + 1) });
  return settings;
}

test('settings as large as a synced item may be are saved; one byte more is refused with the reason, as Chromium would', async ({
  options,
  extensionPage,
  sandbox,
}) => {
  const atQuota = settingsOfSize(sandbox.url, 8192);
  const over = settingsOfSize(sandbox.url, 8193);
  // Chromium's own quota: what the page refuses, the browser refuses too (and the stored settings stay).
  const refused = await extensionPage.evaluate(
    (value) => chrome.storage.sync.set({ settings: value }).then(() => 'written', String),
    storedForm(over),
  );
  expect(refused).toContain('kQuotaBytesPerItem quota exceeded');

  const importFile = (settings: Settings) =>
    options.page.getByLabel('Import settings').setInputFiles({
      name: 'settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportSettings(settings)),
    });
  await importFile(over);
  await expect(options.page.getByRole('alert')).toHaveText(
    'Not imported: Too much to sync: these settings take 8193 bytes and a synced item holds 8192. Remove brands or shorten their names.',
  );
  await importFile(atQuota);
  await expect(options.page.getByRole('status')).toContainText('Imported');
  await options.saveButton.click();
  await expect(options.page.getByRole('status')).toHaveText('Saved');
  const stored = await extensionPage.evaluate(() => chrome.storage.sync.get('settings'));
  expect(stored.settings).toEqual(storedForm(atQuota));
});

test('settings an earlier version kept in storage.local are read as they are, and a page writes nothing (the update moves them: upgrade.spec.ts)', async ({
  popup,
  extensionPage,
  sandbox,
}) => {
  const earlier = { settings: { version: 2, apiBaseUrl: sandbox.url, brand: 'Bukl', deviceId: 'desk-7', cooldownSeconds: 45 } };
  await extensionPage.evaluate(async (earlier) => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.set(earlier);
  }, earlier);
  await popup.page.reload();
  await expect(popup.field('Brand')).toHaveValue('Bukl');
  await expect(popup.band).toContainText(new URL(sandbox.url).host);
  const stored = await extensionPage.evaluate(async () => ({
    sync: await chrome.storage.sync.get(null),
    local: await chrome.storage.local.get('settings'),
  }));
  expect(stored).toEqual({ sync: {}, local: earlier });
});

test('the options page fits 360 px wide, brand list and import included, without scrolling sideways', async ({ options }) => {
  await options.page.setViewportSize({ width: 360, height: 800 });
  await options.page.getByRole('button', { name: 'Add brand' }).click();
  await options.page.getByRole('group', { name: 'Brand 1' }).getByLabel('Cluster').selectOption('Custom URL');
  const overflow = () => options.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBe(0);
});
