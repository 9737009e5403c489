import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropOtherHosts, mayReach } from '@/lib/platform/host-access';

describe('whether the extension may reach a cluster', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the browser about the host of an https URL', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockReturnValue(Promise.resolve(false) as never);
    expect(await mayReach('https://auth.brand.example/capillary')).toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://auth.brand.example/*'] });
  });

  it('needs no permission for the local sandbox over http', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains');
    expect(await mayReach('http://127.0.0.1:8787')).toBe(true);
    expect(contains).not.toHaveBeenCalled();
  });

  it('gives back every custom host calls no longer go to, and keeps the clusters', async () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ host_permissions: ['https://eu.api.capillarytech.com/*'] } as never);
    vi.spyOn(browser.permissions, 'getAll').mockResolvedValue({
      origins: ['https://eu.api.capillarytech.com/*', 'https://old.brand.example/*', 'https://new.brand.example/*'],
    } as never);
    const remove = vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    expect(await dropOtherHosts(['https://new.brand.example'])).toEqual(['https://old.brand.example/*']);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://old.brand.example/*'] });
    expect(await dropOtherHosts(['https://new.brand.example', 'https://old.brand.example'])).toEqual([]);
    expect(await dropOtherHosts(['https://eu.api.capillarytech.com'])).toEqual([
      'https://old.brand.example/*',
      'https://new.brand.example/*',
    ]);
  });
});
