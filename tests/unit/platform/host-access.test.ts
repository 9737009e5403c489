import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mayReach } from '@/lib/platform/host-access';

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
});
