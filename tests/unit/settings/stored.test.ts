import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { loadSettings, readSettings, SETTINGS_VERSION, settingsItem } from '@/lib/settings/stored';

const US = 'https://us.api.capillarytech.com';
const V1 = { apiBaseUrl: US, brand: 'Bukl', deviceId: 'desk-7', cooldownSeconds: 45 };

describe('stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrate from version 1 (settings.v1, no version) to the current one, keeping every value', async () => {
    await browser.storage.local.set({ 'settings.v1': V1 });
    expect(readSettings(await browser.storage.local.get(null))).toEqual({ settings: V1, reset: [], migratedFrom: 1 });
    expect(await loadSettings()).toEqual({ settings: V1, notice: null });
    expect(await browser.storage.local.get(null)).toEqual({ settings: { version: SETTINGS_VERSION, ...V1 } });
  });

  it('read the current version as written', async () => {
    await settingsItem.set(V1);
    expect(await settingsItem.read()).toEqual({ settings: V1, reset: [] });
  });

  it('default when nothing is stored, without a notice', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });

  it.each([
    ['cooldownSeconds', { cooldownSeconds: -5 }, 'Send OTP cooldown'],
    ['brand', { brand: 42 }, 'default brand'],
    ['apiBaseUrl', { apiBaseUrl: 'http://evil.example' }, 'API base URL'],
  ] as const)('fall back for an invalid %s alone, and tell the agent once', async (field, bad, name) => {
    await browser.storage.local.set({ settings: { version: 2, ...V1, ...bad } });
    const first = await loadSettings();
    expect(first.settings).toEqual({ ...V1, [field]: DEFAULT_SETTINGS[field] });
    expect(first.notice).toContain(name);
    if (field === 'apiBaseUrl') expect(first.notice).toContain(`Calls now go to ${DEFAULT_SETTINGS.apiBaseUrl}`);
    expect(await loadSettings()).toEqual({ settings: first.settings, notice: null });
  });

  it('survive a stored value that is not an object at all, in either version', () => {
    for (const junk of [null, 'x', [1, 2], 7]) {
      expect(readSettings({ settings: junk }).settings).toEqual(DEFAULT_SETTINGS);
      expect(readSettings({ 'settings.v1': junk }).settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('are watched under the current key', async () => {
    const seen: unknown[] = [];
    const stop = settingsItem.watch((settings) => seen.push(settings));
    await settingsItem.set(V1);
    stop();
    expect(seen).toEqual([V1]);
  });
});
