// Settings as a file an agent or their IT can pass around: JSON, versioned, never a secret (settings hold none, and
// an imported file's other fields are ignored, never stored). Import checks every field and says what is wrong.
import { t } from '@/lib/i18n/t';
import { checkApiBaseUrl } from './api-base-url-words';
import { DEFAULT_SETTINGS, Settings } from './settings';
import { SETTINGS_VERSION } from './stored';

/** What marks a file as MFA Desk's settings. */
const KIND = 'mfa-desk-settings';

export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ kind: KIND, version: SETTINGS_VERSION, settings: Settings.parse(settings) }, null, 2)}\n`;
}

export type Imported =
  | { ok: true; settings: Settings; ignored: string[] }
  | { ok: false; file?: string; fields: Partial<Record<keyof Settings, string>> };

/** A file's settings, every field checked; a field the file leaves out keeps `current`'s value. */
export function importSettings(text: string, current: Settings = DEFAULT_SETTINGS): Imported {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, file: t('importNotJson'), fields: {} };
  }
  const file = json as { kind?: unknown; version?: unknown; settings?: unknown };
  if (!json || typeof json !== 'object' || file.kind !== KIND || !file.settings || typeof file.settings !== 'object') {
    return { ok: false, file: t('importNotSettings'), fields: {} };
  }
  if (typeof file.version !== 'number' || file.version > SETTINGS_VERSION) {
    return { ok: false, file: t('importNewerVersion', String(file.version)), fields: {} };
  }
  const given = file.settings as Record<string, unknown>;
  const { settings, fields } = checkSettings(given, current);
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, settings, ignored: Object.keys(given).filter((key) => !(key in DEFAULT_SETTINGS)) };
}

/**
 * Settings from `given` (the options form, or an imported file), each field it has checked with the words the agent
 * sees next to that field; a field it leaves out keeps `current`'s value.
 */
export function checkSettings(
  given: Record<string, unknown>,
  current: Settings,
): { settings: Settings; fields: Partial<Record<keyof Settings, string>> } {
  const settings = { ...current };
  const fields: Partial<Record<keyof Settings, string>> = {};
  for (const field of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(field in given)) continue;
    const value = given[field];
    if (field === 'apiBaseUrl') {
      const url = checkApiBaseUrl(typeof value === 'string' ? value : '');
      if (url.ok) settings.apiBaseUrl = url.url;
      else fields.apiBaseUrl = url.message;
      continue;
    }
    const parsed = Settings.shape[field].safeParse(value);
    if (parsed.success) (settings as Record<string, unknown>)[field] = parsed.data;
    else fields[field] = t(field === 'cooldownSeconds' ? 'cooldownProblem' : 'importFieldProblem');
  }
  return { settings, fields };
}
