// What the agent is told, once, when stored settings had invalid fields: loaded only then (see loadSettings).
import type { Settings } from './settings';
import type { SettingsRead } from './stored';

const FIELD_NAMES: Record<keyof Settings, string> = {
  apiBaseUrl: 'API base URL',
  brand: 'default brand',
  deviceId: 'default device ID',
  cooldownSeconds: 'Send OTP cooldown',
};

/** What the agent is told, once, when stored settings had invalid fields. */
export function resetNotice({ reset, settings }: SettingsRead): string | null {
  if (reset.length === 0) return null;
  const names = reset.map((field) => FIELD_NAMES[field]).join(', ');
  const where = reset.includes('apiBaseUrl') ? ` Calls now go to ${settings.apiBaseUrl}.` : '';
  return `Stored settings were invalid and reset to their defaults: ${names}.${where} Check them in Settings.`;
}
