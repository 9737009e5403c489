import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropOtherHosts, mayReach, watchHostsInUse } from '@/lib/platform/host-access';
import { SEED_CUSTOMER, SEED_TOKEN, SEED_USER } from '../../fixtures/capillary';
import { updateCustomer } from '../desk/first-customer';

const VALIDATED_AUTH = {
  token: SEED_TOKEN,
  key: SEED_TOKEN,
  user: SEED_USER,
  receivedAt: 1,
  apiBaseUrl: 'https://old.brand.example',
  customer: SEED_CUSTOMER,
};

describe('whether the extension may reach a cluster', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the browser about the host of an https URL', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockReturnValue(Promise.resolve(false) as never);
    expect(await mayReach('https://auth.brand.example/capillary')).toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://auth.brand.example/*'] });
  });

  it('asks about plain http on this machine as about any host', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockReturnValue(Promise.resolve(false) as never);
    expect(await mayReach('http://127.0.0.1:8787')).toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });

  it('gives back every custom host calls no longer go to, and keeps the clusters', async () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ host_permissions: ['https://eu.api.capillarytech.com/*'] } as never);
    vi.spyOn(browser.permissions, 'getAll').mockResolvedValue({
      origins: ['https://eu.api.capillarytech.com/*', 'https://old.brand.example/*', 'https://new.brand.example/*'],
    } as never);
    const remove = vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    const to = (apiBaseUrl: string, brands: { brand: string; apiBaseUrl?: string }[] = []) => ({ apiBaseUrl, brands });
    expect(await dropOtherHosts(to('https://new.brand.example'))).toEqual(['https://old.brand.example/*']);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://old.brand.example/*'] });
    expect(await dropOtherHosts(to('https://new.brand.example', [{ brand: 'Nomad', apiBaseUrl: 'https://old.brand.example/v1' }]))).toEqual(
      [],
    );
    expect(await dropOtherHosts(to('https://eu.api.capillarytech.com'))).toEqual([
      'https://old.brand.example/*',
      'https://new.brand.example/*',
    ]);
  });

  it('keeps the host a held token came from, so that End session still reaches it', async () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ host_permissions: [] } as never);
    vi.spyOn(browser.permissions, 'getAll').mockResolvedValue({ origins: ['https://old.brand.example/*'] } as never);
    vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    const settings = { apiBaseUrl: 'https://eu.api.capillarytech.com', brands: [] };
    expect(await dropOtherHosts(settings, ['https://old.brand.example/capillary'])).toEqual([]);
    expect(await dropOtherHosts(settings)).toEqual(['https://old.brand.example/*']);
  });

  it('gives a host back on this machine when the synced settings another machine saved no longer use it, or the token is gone', async () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ host_permissions: [] } as never);
    vi.spyOn(browser.permissions, 'getAll').mockResolvedValue({ origins: ['https://old.brand.example/*'] } as never);
    const remove = vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    let held = ['https://old.brand.example'];
    await updateCustomer('0:0', (record) => ({ ...record, auth: { ...VALIDATED_AUTH } }));
    watchHostsInUse(async () => [{ apiBaseUrl: 'https://eu.api.capillarytech.com', brands: [] }, held]);

    await browser.storage.sync.set({ settings: { version: 3 } });
    await vi.waitFor(() => expect(browser.permissions.getAll).toHaveBeenCalled());
    expect(remove).not.toHaveBeenCalled();

    held = [];
    await updateCustomer('0:0', (record) => ({ ...record, auth: null }));
    await vi.waitFor(() => expect(remove).toHaveBeenCalledWith({ origins: ['https://old.brand.example/*'] }));
  });
});
