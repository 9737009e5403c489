// Reading the agent's stored settings, pure: versioned, migrated from the storage.local keys earlier versions used, and
// read field by field so that one invalid field falls back to its default alone. lib/platform/settings reads storage.
import { readBrandList } from './managed';
import { SettingsSchema } from './schema';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** The key in storage.sync. */
export const SETTINGS_KEY = 'settings';

/**
 * Every earlier version: the storage.local key it was kept under, and how to bring its value one version forward.
 * 1: `settings.v1`, the four fields without a version. 2: `settings`, with a version, in storage.local.
 */
const EARLIER: { version: number; key: string; forward(value: Record<string, unknown>): Record<string, unknown> }[] = [
  { version: 1, key: 'settings.v1', forward: (value) => ({ ...value, version: 2 }) },
  { version: 2, key: 'settings', forward: (value) => ({ ...value, brands: [], version: 3 }) },
];
export const LOCAL_KEYS = EARLIER.map((earlier) => earlier.key);

type Field = keyof Settings;

/** What was read: the settings, the fields that were invalid and fell back, and the version migrated from. */
export interface SettingsRead {
  settings: Settings;
  reset: Field[];
  migratedFrom?: number;
  /** Read from storage (the agent or an earlier version saved them), not the defaults of a first start. */
  stored?: true;
}

/** Reads settings from bulk reads of storage.sync and storage.local: the synced ones, else the newest earlier ones. */
export function readSettings(sync: Record<string, unknown>, local: Record<string, unknown> = {}): SettingsRead {
  if (sync[SETTINGS_KEY] !== undefined) return { ...fieldByField(sync[SETTINGS_KEY]), stored: true };
  for (const earlier of [...EARLIER].reverse()) {
    if (local[earlier.key] === undefined) continue;
    let value = isRecord(local[earlier.key]) ? (local[earlier.key] as Record<string, unknown>) : {};
    for (const step of EARLIER.filter((e) => e.version >= earlier.version)) value = step.forward(value);
    return { ...fieldByField(value), migratedFrom: earlier.version, stored: true };
  }
  return { settings: DEFAULT_SETTINGS, reset: [] };
}

function fieldByField(raw: unknown): Omit<SettingsRead, 'migratedFrom' | 'stored'> {
  const value = isRecord(raw) ? raw : {};
  const settings = { ...DEFAULT_SETTINGS };
  const reset: Field[] = [];
  for (const field of Object.keys(DEFAULT_SETTINGS) as Field[]) {
    // A field a newer release added, missing from a copy an older one wrote: its default, silently (nothing was lost).
    if (value[field] === undefined) continue;
    if (field === 'brands' && Array.isArray(value.brands)) {
      // Entry by entry: one bad entry (from another machine, a newer version) leaves the others as they were.
      settings.brands = readBrandList(value.brands, () => {
        if (!reset.includes('brands')) reset.push('brands');
      });
      continue;
    }
    const parsed = SettingsSchema.shape[field].safeParse(value[field]);
    if (parsed.success) (settings as Record<Field, unknown>)[field] = parsed.data;
    else reset.push(field);
  }
  return { settings, reset };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
