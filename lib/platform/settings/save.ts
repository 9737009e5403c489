// Writing the agent's own settings to storage.sync, within what sync takes: for the options page, and for the rare
// repair or migration (loaded lazily by loadSettings).
import { browser } from 'wxt/browser';
import { LOCAL_KEYS, SETTINGS_KEY } from '@/lib/model/settings/read';
import { SETTINGS_VERSION, type Settings } from '@/lib/model/settings/settings';
import { SYNC_ITEM_BYTES, storedForm, syncBytes } from '@/lib/model/settings/sync-form';
import { t } from '@/lib/words/t';
import { readManagedSettings, readOwnSettings } from './stored';

/**
 * Writes the agent's own settings to storage.sync, refusing what sync would refuse (an item over its quota) before
 * trying; the earlier storage.local keys go only once the synced copy is written.
 */
export async function saveSettings(settings: Settings): Promise<void> {
  // Under the organisation's lock nothing writes the agent's own settings: not a page, not an import, not a migration.
  if ((await readManagedSettings()).locked) throw new Error(t('policyLocked'));
  // An older MFA Desk never downgrades what a newer one wrote: it reads what it can and writes nothing.
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as { version?: unknown } | undefined;
  if (typeof stored?.version === 'number' && stored.version > SETTINGS_VERSION)
    throw new Error(t('settingsFromNewer', String(stored.version)));
  const value = storedForm(settings);
  const bytes = syncBytes(SETTINGS_KEY, value);
  if (bytes > SYNC_ITEM_BYTES) throw new RangeError(t('settingsTooLargeToSync', bytes, SYNC_ITEM_BYTES));
  await browser.storage.sync.set({ [SETTINGS_KEY]: value });
  await browser.storage.local.remove(LOCAL_KEYS);
}

/**
 * Once, when the extension is installed or updated: an earlier version's settings move to storage.sync, and a copy
 * left in storage.local on a machine whose settings already came through sync is removed.
 */
export async function moveEarlierSettings(): Promise<void> {
  if ((await readManagedSettings()).locked) return;
  const read = await readOwnSettings();
  if (read.migratedFrom !== undefined) await saveSettings(read.settings);
  else await browser.storage.local.remove(LOCAL_KEYS);
}
