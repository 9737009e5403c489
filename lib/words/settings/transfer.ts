// Settings as a file an agent or their IT can pass around: JSON, versioned, never a secret (settings hold none, and
// an imported file's other fields are ignored, never stored). Import checks every field and says what is wrong.
import { invisibleIn } from '@/lib/model/format/invisible';
import { SETTINGS_KEY } from '@/lib/model/settings/read';
import { SettingsSchema } from '@/lib/model/settings/schema';
import { type BrandCluster, brandKey, DEFAULT_SETTINGS, MAX_BRANDS, SETTINGS_VERSION, type Settings } from '@/lib/model/settings/settings';
import { SYNC_ITEM_BYTES, storedForm, syncBytes } from '@/lib/model/settings/sync-form';
import type { MessageKey } from '@/lib/words/en';
import { t } from '@/lib/words/t';
import { checkApiBaseUrl } from './api-base-url-words';
import { FIELD_NAMES } from './field-names';

/** What marks a file as MFA Desk's settings. */
const KIND = 'mfa-desk-settings';
/** How a number setting out of range is explained. */
const NUMBER_PROBLEM: Partial<Record<keyof Settings, MessageKey>> = { cooldownSeconds: 'cooldownProblem', idleMinutes: 'idleProblem' };

/** The largest settings file read: 100 brands with long URLs stay far below it. Larger files are refused unread. */
export const MAX_IMPORT_BYTES = 64_000;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ kind: KIND, version: SETTINGS_VERSION, settings: SettingsSchema.parse(settings) }, null, 2)}\n`;
}

/**
 * What is wrong, per field: a field of Settings, or one entry's brand or URL on the brand list (`brands.2.brand`,
 * `brands.2.apiBaseUrl`).
 */
export type FieldProblems = Record<string, string>;

export type Imported = { ok: true; settings: Settings; ignored: string[] } | { ok: false; file?: string; fields: FieldProblems };

/** A file's settings, every field checked; a field the file leaves out keeps `current`'s value. */
export function importSettings(text: string, current: Settings = DEFAULT_SETTINGS): Imported {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, file: t('importNotJson'), fields: {} };
  }
  if (!isPlainObject(json) || json.kind !== KIND || !isPlainObject(json.settings)) {
    return { ok: false, file: t('importNotSettings'), fields: {} };
  }
  const { version, settings: given } = json;
  if (typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_VERSION) {
    return { ok: false, file: t('importNewerVersion', String(version)), fields: {} };
  }
  if (!Number.isInteger(version) || (version as number) < 1) return { ok: false, file: t('importNotSettings'), fields: {} };
  const { settings, fields } = checkSettings(given, current);
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, settings, ignored: Object.keys(given).filter((key) => !Object.hasOwn(DEFAULT_SETTINGS, key)) };
}

/**
 * Settings from `given` (the options form, a policy, or an imported file), each field it has checked with the words
 * the agent sees next to that field; a field it leaves out keeps `current`'s value. Settings that storage.sync could
 * not hold are refused here, with the reason, rather than by the browser.
 */
export function checkSettings(given: Record<string, unknown>, current: Settings): { settings: Settings; fields: FieldProblems } {
  const settings = { ...current };
  const fields: FieldProblems = {};
  for (const field of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!Object.hasOwn(given, field)) continue;
    const value = given[field];
    if (field === 'brands') {
      settings.brands = checkBrands(value, fields);
      continue;
    }
    if (field === 'apiBaseUrl') {
      const url = checkApiBaseUrl(typeof value === 'string' ? value : '');
      if (url.ok) settings.apiBaseUrl = url.url;
      else fields.apiBaseUrl = url.message;
      continue;
    }
    const parsed = SettingsSchema.shape[field].safeParse(value);
    const invisible = typeof value === 'string' ? invisibleIn(value) : null;
    if (invisible) fields[field] = t('fieldInvisible', t(FIELD_NAMES[field]), invisible);
    else if (parsed.success) (settings as Record<string, unknown>)[field] = parsed.data;
    else fields[field] = t(NUMBER_PROBLEM[field] ?? 'importFieldProblem');
  }
  if (Object.keys(fields).length === 0) {
    const bytes = syncBytes(SETTINGS_KEY, storedForm(settings));
    if (bytes > SYNC_ITEM_BYTES) fields.brands = t('settingsTooLargeToSync', String(bytes), String(SYNC_ITEM_BYTES));
  }
  return { settings, fields };
}

/**
 * The brand list, entry by entry: a name on each (once, in any case), and a URL checked as the default one is; an
 * entry without a URL (null, or left out) is served by the default cluster.
 */
function checkBrands(value: unknown, fields: FieldProblems): BrandCluster[] {
  if (!Array.isArray(value)) {
    fields.brands = t('brandsNotList');
    return [];
  }
  if (value.length > MAX_BRANDS) fields.brands = t('brandsTooMany', String(MAX_BRANDS));
  const brands: BrandCluster[] = [];
  value.slice(0, MAX_BRANDS).forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      fields[`brands.${index}.brand`] = t('brandEntryShape');
      return;
    }
    const { brand, apiBaseUrl } = entry as { brand?: unknown; apiBaseUrl?: unknown };
    const name = typeof brand === 'string' ? brand.trim() : '';
    if (!name) fields[`brands.${index}.brand`] = t('brandNameEmpty');
    else if (name.length > 256) fields[`brands.${index}.brand`] = t('importFieldProblem');
    else if (invisibleIn(name)) fields[`brands.${index}.brand`] = t('fieldInvisible', t('brandName'), invisibleIn(name)!);
    else if (brands.some((listed) => brandKey(listed.brand) === brandKey(name))) {
      fields[`brands.${index}.brand`] = t('brandListedTwice', name);
    }
    if (apiBaseUrl === undefined || apiBaseUrl === null) {
      brands.push({ brand: name });
      return;
    }
    const url = checkApiBaseUrl(typeof apiBaseUrl === 'string' ? apiBaseUrl : '');
    if (url.ok) brands.push({ brand: name, apiBaseUrl: url.url });
    else fields[`brands.${index}.apiBaseUrl`] = url.message;
  });
  return brands;
}
