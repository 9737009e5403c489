// What the agent is told, once, when stored settings had invalid fields: loaded only then (see loadSettings).

import type { SettingsRead } from '@/lib/model/settings/read';
import { t } from '@/lib/words/t';
import { FIELD_NAMES } from './field-names';

/** What the agent is told, once, when stored settings had invalid fields. */
export function resetNotice({ reset, settings }: SettingsRead): string | null {
  if (reset.length === 0) return null;
  const names = reset.map((field) => t(FIELD_NAMES[field])).join(', ');
  return reset.includes('apiBaseUrl') ? t('settingsResetUrl', names, settings.apiBaseUrl) : t('settingsReset', names);
}
