// The agent's settings as storage.sync holds them: the value written, and the bytes sync counts against its quota.
import { SettingsSchema } from './schema';
import { SETTINGS_VERSION, type Settings } from './settings';

/** What storage.sync takes in one item, key and JSON value counted together (Chrome and Firefox alike). */
export const SYNC_ITEM_BYTES = 8192;

/** The bytes storage.sync counts for one item: its key and its value as JSON. */
export function syncBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** The value written to storage.sync for these settings. */
export const storedForm = (settings: Settings) => ({ version: SETTINGS_VERSION, ...SettingsSchema.parse(settings) });
