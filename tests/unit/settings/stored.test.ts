import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings } from '@/lib/model/settings/read';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '@/lib/model/settings/settings';
import { moveEarlierSettings, saveSettings } from '@/lib/platform/settings/save';
import { currentSettings, loadSettings, readOwnSettings, type SettingsState } from '@/lib/platform/settings/stored';
import { watchSettings } from '@/lib/platform/settings/watch';

const US = 'https://us.api.capillarytech.com';
const V1 = { apiBaseUrl: US, brand: 'Bukl', deviceId: 'desk-7', cooldownSeconds: 45, idleMinutes: 15 };
const MINE = { ...V1, brands: [{ brand: 'Nomad', apiBaseUrl: 'https://apac.api.capillarytech.com' }] };
const NO_POLICY = { values: {}, locked: false, invalid: [] };

describe('stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['1 (settings.v1 in storage.local, no version)', { 'settings.v1': V1 }, 1],
    ['2 (settings in storage.local)', { settings: { version: 2, ...V1 } }, 2],
  ])('migrate once from version %s to storage.sync, keeping every value', async (_name, local, version) => {
    await browser.storage.local.set({ ...local, panelFolds: { key: true } });
    const migrated = { ...V1, brands: [] };
    expect(await readOwnSettings()).toEqual({ settings: migrated, reset: [], migratedFrom: version, stored: true });
    // A page reads the earlier copy as it is and writes nothing; the background moves it on install or update.
    expect(await loadSettings()).toEqual({ settings: migrated, own: migrated, managed: NO_POLICY, notice: null });
    expect(await browser.storage.sync.get(null)).toEqual({});
    await moveEarlierSettings();
    expect(await browser.storage.sync.get(null)).toEqual({ settings: { version: SETTINGS_VERSION, ...migrated } });
    // The old keys are gone; what else storage.local holds is not settings and stays.
    expect(await browser.storage.local.get(null)).toEqual({ panelFolds: { key: true } });
    expect(await readOwnSettings()).toEqual({ settings: migrated, reset: [], stored: true });
  });

  it('give a field a newer release added its default, silently, when a copy written before lacks it', () => {
    const { settings, reset } = readSettings({
      settings: { version: SETTINGS_VERSION, apiBaseUrl: 'https://us.api.capillarytech.com', brand: 'Bukl' },
    });
    expect(reset).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com', brand: 'Bukl' });
  });

  it('refuse a synced brand, device ID or listed brand holding an invisible or direction-changing character', () => {
    const sync = {
      settings: {
        version: SETTINGS_VERSION,
        ...DEFAULT_SETTINGS,
        brand: 'Bu\u202Ekl',
        deviceId: 'desk\u200B1',
        brands: [{ brand: 'Nomad' }, { brand: '\u2066Acme' }],
      },
    };
    const { settings, reset } = readSettings(sync);
    expect(reset).toEqual(['brand', 'deviceId', 'brands']);
    expect(settings).toMatchObject({ brand: '', deviceId: '', brands: [{ brand: 'Nomad' }] });
  });

  it('take the synced settings over leftovers of an earlier version on this machine', () => {
    const synced = { version: 3, ...MINE };
    expect(readSettings({ settings: synced }, { settings: { version: 2, ...V1, brand: 'Old' } })).toEqual({
      settings: MINE,
      reset: [],
      stored: true,
    });
  });

  it('move on install or update: an earlier version’s to storage.sync, a leftover copy beside synced ones removed', async () => {
    await browser.storage.local.set({ settings: { version: 2, ...V1 }, screenShare: true });
    await moveEarlierSettings();
    expect(await browser.storage.sync.get(null)).toEqual({ settings: { version: SETTINGS_VERSION, ...V1, brands: [] } });
    expect(await browser.storage.local.get(null)).toEqual({ screenShare: true });
    await browser.storage.sync.set({ settings: { version: 3, ...MINE } });
    await browser.storage.local.set({ 'settings.v1': V1 });
    await moveEarlierSettings();
    expect(await browser.storage.sync.get(null)).toEqual({ settings: { version: 3, ...MINE } });
    expect(await browser.storage.local.get(null)).toEqual({ screenShare: true });
  });

  it('keep the earlier copy when storage.sync refuses the migration, so it is tried again and nothing is lost', async () => {
    await browser.storage.local.set({ settings: { version: 2, ...V1 } });
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    await expect(moveEarlierSettings()).rejects.toThrow('quota');
    expect(await browser.storage.local.get('settings')).toEqual({ settings: { version: 2, ...V1 } });
    expect((await loadSettings()).settings).toEqual({ ...V1, brands: [] });
    await moveEarlierSettings();
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('still open every page when storage.sync is switched off: the settings this machine kept, else the defaults', async () => {
    await browser.storage.local.set({ settings: { version: 2, ...V1 } });
    vi.spyOn(browser.storage.sync, 'get').mockRejectedValue(new Error('storage.sync is disabled'));
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('storage.sync is disabled'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await loadSettings()).settings).toEqual({ ...V1, brands: [] });
    expect(await currentSettings()).toEqual({ ...V1, brands: [] });
    await expect(saveSettings(MINE)).rejects.toThrow('storage.sync is disabled');
  });

  it('are never written larger than a synced item may be (8,192 bytes), and the stored ones stay', async () => {
    await saveSettings(MINE);
    const huge = { ...MINE, brands: Array.from({ length: 40 }, (_, index) => ({ brand: `${'B'.repeat(250)}${index}` })) };
    await expect(saveSettings(huge)).rejects.toThrow(/these settings take \d+ bytes and a synced item holds 8192/);
    expect((await readOwnSettings()).settings).toEqual(MINE);
  });

  it('default when nothing is stored, without a notice', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, own: DEFAULT_SETTINGS, managed: NO_POLICY, notice: null });
  });

  it.each([
    ['cooldownSeconds', { cooldownSeconds: -5 }, 'Send OTP cooldown', { cooldownSeconds: DEFAULT_SETTINGS.cooldownSeconds }],
    ['brand', { brand: 42 }, 'default brand', { brand: DEFAULT_SETTINGS.brand }],
    ['apiBaseUrl', { apiBaseUrl: 'http://evil.example' }, 'API base URL', { apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl }],
    // Entry by entry: the brand listed twice goes, the first stays.
    ['brands', { brands: [{ brand: 'A' }, { brand: 'a' }] }, 'brand list', { brands: [{ brand: 'A' }] }],
  ] as const)(
    'fall back for an invalid %s alone, and say so until the agent saves Settings; a page writes nothing',
    async (field, bad, name, fallen) => {
      const stored = { settings: { version: 3, ...MINE, ...bad } };
      await browser.storage.sync.set(stored);
      const first = await loadSettings();
      expect(first.settings).toEqual({ ...MINE, ...fallen });
      expect(first.notice).toContain(name);
      if (field === 'apiBaseUrl') expect(first.notice).toContain(`Calls now go to ${DEFAULT_SETTINGS.apiBaseUrl}`);
      expect(await browser.storage.sync.get(null)).toEqual(stored);
      expect((await loadSettings()).notice).toBe(first.notice);
      await saveSettings(first.settings);
      expect(await loadSettings()).toMatchObject({ settings: first.settings, notice: null });
    },
  );

  it('keep every valid entry of a brand list that has a bad one', async () => {
    const brands = [{ brand: 'Bukl', apiBaseUrl: US }, { brand: 'Acme', apiBaseUrl: 'http://plain.example' }, { brand: 'Nomad' }];
    await browser.storage.sync.set({ settings: { version: 3, ...MINE, brands } });
    const loaded = await loadSettings();
    expect(loaded.settings.brands).toEqual([{ brand: 'Bukl', apiBaseUrl: US }, { brand: 'Nomad' }]);
    expect(loaded.notice).toContain('brand list');
  });

  it('leave settings a newer MFA Desk wrote as they are: read what can be read, and refuse to save over them', async () => {
    const newer = { settings: { version: 4, ...MINE, brand: 'Newer', theme: 'dark' } };
    await browser.storage.sync.set(newer);
    expect((await loadSettings()).settings).toEqual({ ...MINE, brand: 'Newer' });
    await expect(saveSettings({ ...MINE, brand: 'Older' })).rejects.toThrow('saved by a newer MFA Desk (settings version 4)');
    expect(await browser.storage.sync.get(null)).toEqual(newer);
  });

  it('survive a stored value that is not an object at all, in any version', () => {
    for (const junk of [null, 'x', [1, 2], 7]) {
      expect(readSettings({ settings: junk }).settings).toEqual(DEFAULT_SETTINGS);
      expect(readSettings({}, { settings: junk }).settings).toEqual(DEFAULT_SETTINGS);
      expect(readSettings({}, { 'settings.v1': junk }).settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('are watched in storage.sync (another machine saved) and in the policy', async () => {
    const seen: SettingsState[] = [];
    const stop = watchSettings((state) => seen.push(state));
    await saveSettings(MINE);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await browser.storage.managed.set({ brand: 'Acme' });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    stop();
    expect(seen[0]).toEqual({ settings: MINE, own: MINE, managed: NO_POLICY });
    expect(seen[1].settings).toEqual({ ...MINE, brand: 'Acme' });
    expect(seen[1].own).toEqual(MINE);
  });
});

describe('settings with a policy over them', () => {
  beforeEach(() => fakeBrowser.reset());

  it('take each field from the policy, else the agent’s synced settings, else the defaults', async () => {
    expect(await currentSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ ...DEFAULT_SETTINGS, apiBaseUrl: US, brand: 'Bukl', deviceId: 'desk-7' });
    await browser.storage.managed.set({ apiBaseUrl: 'https://auth.brand.example/', brand: 'Acme' });
    expect(await currentSettings()).toEqual({
      apiBaseUrl: 'https://auth.brand.example',
      brand: 'Acme',
      deviceId: 'desk-7',
      cooldownSeconds: 30,
      idleMinutes: 15,
      brands: [],
    });
  });

  it('under lockSettings, leave the agent’s own (and another machine’s, through sync) unused and unwritten', async () => {
    // A brand route written elsewhere, as a hijacked sync account would: it must not send that brand's calls away.
    const own = { ...DEFAULT_SETTINGS, deviceId: 'desk-7', brands: [{ brand: 'Bukl', apiBaseUrl: 'https://collector.example' }] };
    await saveSettings(own);
    await browser.storage.managed.set({ apiBaseUrl: US, cooldownSeconds: 9000, lockSettings: true });
    const loaded = await loadSettings();
    // The policy's valid values over the defaults; its invalid cooldown is the default's, never the agent's.
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, apiBaseUrl: US });
    expect(loaded.own).toEqual(DEFAULT_SETTINGS);
    await expect(saveSettings({ ...own, deviceId: 'desk-8' })).rejects.toThrow('Your organisation has locked these settings');
    await moveEarlierSettings();
    expect((await browser.storage.sync.get('settings')).settings).toMatchObject({ deviceId: 'desk-7' });
  });

  it('use an agent’s own value where the policy’s is not valid, and report it', async () => {
    await saveSettings(MINE);
    await browser.storage.managed.set({ apiBaseUrl: 'http://plain.example', cooldownSeconds: 9000, lockSettings: 'yes' });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(MINE);
    expect(loaded.managed).toEqual({
      values: {},
      locked: false,
      invalid: [
        { key: 'apiBaseUrl', value: 'http://plain.example' },
        { key: 'cooldownSeconds', value: 9000 },
        { key: 'lockSettings', value: 'yes' },
      ],
    });
  });

  it('have no policy when the browser has no managed storage for the extension (Firefox rejects)', async () => {
    vi.spyOn(browser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    await saveSettings(MINE);
    expect(await currentSettings()).toEqual(MINE);
  });
});
