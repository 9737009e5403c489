import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedSettings } from '@/entrypoints/background/cached-settings';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { saveSettings } from '@/lib/platform/settings/save';

const US = 'https://us.api.capillarytech.com';

describe('the background’s copy of the settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads storage once between changes, and again after the agent saves or the policy changes', async () => {
    const settings = cachedSettings();
    const reads = vi.spyOn(browser.storage.sync, 'get');
    expect(await settings()).toEqual(DEFAULT_SETTINGS);
    expect(await settings()).toEqual(DEFAULT_SETTINGS);
    expect(reads).toHaveBeenCalledTimes(1);
    await saveSettings({ ...DEFAULT_SETTINGS, apiBaseUrl: US });
    // Saving reads what is stored (to never overwrite a newer version's): only the cache's reads count from here.
    reads.mockClear();
    expect((await settings()).apiBaseUrl).toBe(US);
    await browser.storage.managed.set({ brand: 'Acme' });
    expect((await settings()).brand).toBe('Acme');
    await browser.storage.local.set({ screenShare: true });
    expect(await settings()).toEqual({ ...DEFAULT_SETTINGS, apiBaseUrl: US, brand: 'Acme' });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('keeps no failed read: the next call reads again', async () => {
    const settings = cachedSettings();
    vi.spyOn(browser.storage.local, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
    await expect(settings()).rejects.toThrow('storage unavailable');
    expect(await settings()).toEqual(DEFAULT_SETTINGS);
  });
});
