// The agent's own settings, kept in storage.sync so that a second machine signed in to the same browser profile
// starts set up: versioned, migrated once from the storage.local keys earlier versions used, read field by field
// so that one invalid field falls back to its default alone. Policy values (managed.ts) win over them.
import { browser } from 'wxt/browser';
import { effectiveSettings, type Managed, NO_POLICY, readManaged } from '@/lib/model/settings/managed';
import { LOCAL_KEYS, readSettings, SETTINGS_KEY, type SettingsRead } from '@/lib/model/settings/read';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings/settings';

/**
 * The agent's own settings, as stored (or migrated, or defaults). A browser with storage.sync switched off (Firefox's
 * `webextensions.storage.sync.enabled`) still opens every page: the settings kept here, else the defaults.
 */
export async function readOwnSettings(): Promise<SettingsRead> {
  const [sync, local] = await Promise.all([
    browser.storage.sync.get(SETTINGS_KEY).catch(() => ({})),
    browser.storage.local.get(LOCAL_KEYS),
  ]);
  return readSettings(sync, local);
}

/**
 * The policy, or none: Firefox rejects when no policy names the add-on, and a browser without managed storage has
 * nothing to say either.
 */
export async function readManagedSettings(): Promise<Managed> {
  try {
    return readManaged(await browser.storage.managed.get());
  } catch {
    return NO_POLICY;
  }
}

/** Everything a page shows about settings. */
export interface SettingsState {
  /** What calls use. */
  settings: Settings;
  /** The agent's own, as saved. */
  own: Settings;
  managed: Managed;
}

/**
 * The agent's own settings (as read, to repair) and the policy over them, read together. Under `lockSettings` the
 * agent's own are left as they are, unused: the defaults stand in for them, so nothing repairs, migrates or shows them.
 */
export async function readSettingsState(): Promise<{ read: SettingsRead; state: SettingsState }> {
  const [ownRead, managed] = await Promise.all([readOwnSettings(), readManagedSettings()]);
  const read: SettingsRead = managed.locked ? { settings: DEFAULT_SETTINGS, reset: [] } : ownRead;
  return { read, state: { settings: effectiveSettings(read.settings, managed), own: read.settings, managed } };
}

/** The settings calls use: the policy's valid values over the agent's own. For the background, on every call. */
export async function currentSettings(): Promise<Settings> {
  return (await readSettingsState()).state.settings;
}

/**
 * Settings for a page that shows them, with the notice to show for invalid fields. A page never writes them back:
 * what another machine (or a newer MFA Desk) wrote stays as it is until the agent saves Settings, and the notice
 * says so every time until then. Earlier versions' copies are moved by the background (moveEarlierSettings).
 */
export async function loadSettings(): Promise<SettingsState & { notice: string | null }> {
  const { read, state } = await readSettingsState();
  if (read.reset.length === 0) return { ...state, notice: null };
  // Rare, like its words: loaded only when needed.
  const { resetNotice } = await import('@/lib/words/settings/notice');
  return { ...state, notice: resetNotice(read) };
}
