// Settings as stored in storage.local: versioned, migrated forward from every earlier version, and read field by
// field so that one invalid field falls back to its default alone instead of resetting everything.
import { browser } from 'wxt/browser';
import type { Item } from '@/lib/storage/define-item';
import { DEFAULT_SETTINGS, Settings } from './settings';

export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'settings';

/**
 * Every earlier version: the key it was stored under, and how to bring its value one version forward.
 * 1: `settings.v1`, the four fields without a version.
 */
const EARLIER: { version: number; key: string; forward(value: Record<string, unknown>): Record<string, unknown> }[] = [
  { version: 1, key: 'settings.v1', forward: (value) => ({ ...value, version: 2 }) },
];
const KEYS = [SETTINGS_KEY, ...EARLIER.map((earlier) => earlier.key)];

type Field = keyof Settings;

/** What was read: the settings, the fields that were invalid and fell back, and the version migrated from. */
export interface SettingsRead {
  settings: Settings;
  reset: Field[];
  migratedFrom?: number;
}

/** Reads settings from a bulk read of storage.local (the current key, else the newest earlier one). */
export function readSettings(stored: Record<string, unknown>): SettingsRead {
  if (stored[SETTINGS_KEY] !== undefined) return fieldByField(stored[SETTINGS_KEY]);
  for (const earlier of [...EARLIER].reverse()) {
    if (stored[earlier.key] === undefined) continue;
    let value = isRecord(stored[earlier.key]) ? (stored[earlier.key] as Record<string, unknown>) : {};
    for (const step of EARLIER.filter((e) => e.version >= earlier.version)) value = step.forward(value);
    return { ...fieldByField(value), migratedFrom: earlier.version };
  }
  return { settings: DEFAULT_SETTINGS, reset: [] };
}

function fieldByField(raw: unknown): Omit<SettingsRead, 'migratedFrom'> {
  const value = isRecord(raw) ? raw : {};
  const settings = { ...DEFAULT_SETTINGS };
  const reset: Field[] = [];
  for (const field of Object.keys(DEFAULT_SETTINGS) as Field[]) {
    const parsed = Settings.shape[field].safeParse(value[field]);
    if (parsed.success) (settings as Record<Field, unknown>)[field] = parsed.data;
    else reset.push(field);
  }
  return { settings, reset };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings item: reads as readSettings does, writes the current version and drops every earlier key. */
export const settingsItem: Item<Settings> & { read(): Promise<SettingsRead> } = {
  area: 'local',
  key: SETTINGS_KEY,
  parse: (raw) => fieldByField(raw).settings,
  async read() {
    return readSettings(await browser.storage.local.get(KEYS));
  },
  async get() {
    return (await this.read()).settings;
  },
  async set(value) {
    await browser.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, ...Settings.parse(value) } });
    await browser.storage.local.remove(EARLIER.map((earlier) => earlier.key));
  },
  watch(callback) {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) callback(fieldByField(changes[SETTINGS_KEY].newValue).settings);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

/**
 * Settings for a page that shows them: repaired in storage when they were migrated or had invalid fields, with the
 * notice to show for the invalid ones (shown once, since the repaired settings have none).
 */
export async function loadSettings(): Promise<{ settings: Settings; notice: string | null }> {
  const read = await settingsItem.read();
  if (read.reset.length === 0 && read.migratedFrom === undefined) return { settings: read.settings, notice: null };
  await settingsItem.set(read.settings);
  // Rare: the words are loaded only when there is something to say.
  const { resetNotice } = await import('./notice');
  return { settings: read.settings, notice: resetNotice(read) };
}
