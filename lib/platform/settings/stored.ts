// The agent's own settings, kept in storage.sync so that a second machine signed in to the same browser profile
// starts set up: versioned, migrated once from the storage.local keys earlier versions used, read field by field
// so that one invalid field falls back to its default alone. Policy values (managed.ts) win over them.
import { browser } from 'wxt/browser';
import { effectiveSettings, type Managed, NO_POLICY, readBrandList, readManaged } from '@/lib/model/settings/managed';
import { SettingsSchema } from '@/lib/model/settings/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings/settings';

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
}

/** Reads settings from bulk reads of storage.sync and storage.local: the synced ones, else the newest earlier ones. */
export function readSettings(sync: Record<string, unknown>, local: Record<string, unknown> = {}): SettingsRead {
  if (sync[SETTINGS_KEY] !== undefined) return fieldByField(sync[SETTINGS_KEY]);
  for (const earlier of [...EARLIER].reverse()) {
    if (local[earlier.key] === undefined) continue;
    let value = isRecord(local[earlier.key]) ? (local[earlier.key] as Record<string, unknown>) : {};
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
