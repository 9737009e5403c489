import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepSnapshot } from '@/entrypoints/background/snapshot-keeper';
import { readDraft, readSnapshot, SNAPSHOT_KEY, snapshotOf } from '@/lib/model/desk/popup-snapshot';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { saveSettings } from '@/lib/platform/settings/save';
import { cooldownsItem, screenShareItem } from '@/lib/platform/storage/items';
import { startPopup } from '@/lib/platform/storage/popup-start';
import { takeSnapshot } from '@/lib/platform/storage/take-snapshot';
import { SEED_CUSTOMER, SEED_DRAFT, SEED_USER } from '../../fixtures/capillary';
import { freshDesk } from '../../fixtures/snapshot';
import { authItem, draftItem } from '../desk/first-customer';

const stored = async () => readSnapshot((await browser.storage.session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]);

describe('the popup’s snapshot', () => {
  beforeEach(() => fakeBrowser.reset());

  it('holds whether a token exists, never the token or key', async () => {
    const auth = {
      token: 'eyJ.token.sig',
      key: 'eyJ.key.sig',
      user: SEED_USER,
      receivedAt: 1,
      apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl,
      customer: SEED_CUSTOMER,
    };
    await authItem.set(auth);
    const snapshot = await takeSnapshot();
    expect(snapshot.customers[0].hasToken).toBe(true);
    expect(JSON.stringify(snapshot)).not.toContain('eyJ');
    expect(snapshot.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('says whether where calls go was chosen: not on a first start, yes once settings are saved', async () => {
    expect((await takeSnapshot()).clusterChosen).toBe(false);
    await saveSettings({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com' });
    expect((await takeSnapshot()).clusterChosen).toBe(true);
  });

  it('names the synced settings fields that were invalid, for the popup’s notice', async () => {
    await browser.storage.sync.set({ settings: { version: 3, ...DEFAULT_SETTINGS, cooldownSeconds: 'soon' } });
    expect((await takeSnapshot()).settingsReset).toEqual(['cooldownSeconds']);
  });

  it('is written when the background starts, and again when a part of it changes in any area', async () => {
    keepSnapshot();
    await expect.poll(stored, { timeout: 5000 }).toMatchObject({ customers: [{ hasToken: false }], screenShare: false, cooldowns: {} });
    await cooldownsItem.set({ 'BUKL|MOBILE|18767431754': 123 });
    await expect.poll(async () => (await stored())?.cooldowns, { timeout: 5000 }).toEqual({ 'BUKL|MOBILE|18767431754': 123 });
    await screenShareItem.set(true);
    await expect.poll(async () => (await stored())?.screenShare, { timeout: 5000 }).toBe(true);
    await browser.storage.sync.set({ settings: { version: 3, ...DEFAULT_SETTINGS, brand: 'Nomad' } });
    await expect.poll(async () => (await stored())?.settings.brand, { timeout: 5000 }).toBe('Nomad');
  });

  it('is written again when a worker starts: the worker before may have stopped before writing its last change', async () => {
    const stale = snapshotOf({ ...freshDesk(DEFAULT_SETTINGS), cooldowns: { stale: 1 } });
    await browser.storage.session.set({ [SNAPSHOT_KEY]: stale });
    keepSnapshot();
    await expect.poll(async () => (await stored())?.cooldowns, { timeout: 5000 }).toEqual({});
  });

  it('is written again when storage.session is cleared', async () => {
    keepSnapshot();
    await expect.poll(stored, { timeout: 5000 }).not.toBeNull();
    await browser.storage.session.clear();
    await expect.poll(stored, { timeout: 5000 }).not.toBeNull();
  });

  it('is not rewritten as the agent types: the form is read beside it', async () => {
    keepSnapshot();
    await expect.poll(stored, { timeout: 5000 }).not.toBeNull();
    const before = await browser.storage.session.get(SNAPSHOT_KEY);
    await draftItem.set(SEED_DRAFT);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await browser.storage.session.get(SNAPSHOT_KEY)).toEqual(before);
  });

  it('is not used when written in another shape (before an update)', () => {
    const snapshot = snapshotOf(freshDesk(DEFAULT_SETTINGS));
    expect(readSnapshot(snapshot)).toBe(snapshot);
    expect(readSnapshot({ ...snapshot, v: 0 })).toBeNull();
    expect(readSnapshot({ ...snapshot, settings: null })).toBeNull();
    expect(readSnapshot('snapshot')).toBeNull();
  });
});

describe('the popup’s start', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands the popup every change since its read was asked, in order, then the ones after, each once', async () => {
    const start = startPopup();
    await browser.storage.session.set({ [SNAPSHOT_KEY]: 'first' });
    await browser.storage.session.set({ [SNAPSHOT_KEY]: 'second' });
    const heard: unknown[] = [];
    start.listen((changes) => heard.push(changes[SNAPSHOT_KEY]?.newValue));
    expect(heard).toEqual(['first', 'second']);
    await browser.storage.session.set({ [SNAPSHOT_KEY]: 'third' });
    expect(heard).toEqual(['first', 'second', 'third']);
  });
});

describe('the form as the popup reads it back', () => {
  it('takes a form of strings, with the fields added later empty', () => {
    const { authorizedToken: _a, firstFactorOtp: _f, ...older } = SEED_DRAFT;
    expect(readDraft(older)).toEqual({ ...SEED_DRAFT, authorizedToken: '', firstFactorOtp: '' });
    const { reference: _r, ...beforeReferences } = SEED_DRAFT;
    expect(readDraft(beforeReferences)).toEqual(SEED_DRAFT);
    expect(readDraft(SEED_DRAFT)).toEqual(SEED_DRAFT);
  });

  it('starts afresh from anything else', () => {
    expect(readDraft({ ...SEED_DRAFT, otp: 123456 })).toBeNull();
    expect(readDraft(null)).toBeNull();
  });
});
