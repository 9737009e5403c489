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

test('an http URL to another host is refused and not saved', async ({ options, extensionPage, sandbox }) => {
  await options.saveApiBaseUrl('http://eu.api.capillarytech.com');
  await expect(options.page.getByRole('alert')).toContainText('Use https');
  await expect(options.apiBaseUrl).toHaveAttribute('aria-invalid', 'true');
  const stored = (await extensionPage.evaluate(() => chrome.storage.sync.get('settings'))) as { settings: { apiBaseUrl: string } };
  expect(stored.settings.apiBaseUrl).toBe(sandbox.url);
});

test('one invalid stored setting falls back alone, and the popup says so once, naming where calls now go', async ({
  popup,
  extensionPage,
}) => {
  await updateSettings(extensionPage, { apiBaseUrl: 'http://evil.example', brand: 'Bukl', deviceId: 'desk-7' });
  await popup.page.reload();
  await expect(popup.alert).toContainText('reset to their defaults: API base URL');
  await expect(popup.alert).toContainText('Calls now go to https://eu.api.capillarytech.com');
  await expect(popup.band).toContainText('EU');
  await expect(popup.field('Brand')).toHaveValue('Bukl');

  await popup.page.reload();
  await expect(popup.band).toContainText('EU');
  await expect(popup.alert).toHaveCount(0);
});
