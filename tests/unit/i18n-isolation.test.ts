import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ar } from '@/lib/words/ar';
import { en, type MessageKey } from '@/lib/words/en';
import { fill } from '@/lib/words/messages';

/** t() as a page in this language gets it: the module is loaded afresh, since it asks the direction once. */
async function tIn(catalogue: Partial<Record<MessageKey, string>>) {
  vi.resetModules();
  fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | string[]) =>
    fill(catalogue[key as MessageKey] ?? '', typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
  return (await import('@/lib/words/t')).t;
}

describe('values put into a sentence', () => {
  afterEach(async () => {
    await tIn(en);
  });

  it('are isolated left to right in Arabic, so that a masked number reads •••1754, not 1754•••', async () => {
    const t = await tIn(ar);
    expect(t('bandForBrand', 'Bukl •••1754')).toContain('\u2066Bukl •••1754\u2069');
    expect(t('bandForBrand', '•••••••1754')).toContain('\u2066•••••••1754\u2069');
    // A value in Arabic letters keeps its own (first strong) direction.
    expect(t('bandForBrand', 'بوكل')).toContain('\u2068بوكل\u2069');
  });

  it('are put in as they are in a left-to-right language', async () => {
    const t = await tIn(en);
    expect(t('bandForBrand', 'Bukl')).toBe('for brand Bukl');
  });
});
