// What the options page says about policy values it cannot use: which key, what it held, and why (with the same
// words the form gives an agent who types the value).

import type { InvalidPolicy } from '@/lib/model/settings/managed';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings/settings';
import { t } from '@/lib/words/t';
import { FIELD_NAMES } from './field-names';
import { checkSettings } from './transfer';

/** One line per policy value that is not used. A URL's user name and password are never shown. */
export function policyProblem({ key, value }: InvalidPolicy): string {
  const shown = cut(withoutCredentials(JSON.stringify(value) ?? String(value)));
  if (key === 'lockSettings') return t('policyNotUsed', 'lockSettings', shown, t('lockSettingsProblem'));
  const entry = /^brands\.(\d+)$/.exec(key);
  if (entry) {
    const { fields } = checkSettings({ brands: [value] }, DEFAULT_SETTINGS);
    const why = Object.values(fields)[0] ?? t('policyBrandRepeated');
    return t('policyNotUsed', t('brandEntry', String(Number(entry[1]) + 1)), shown, why);
  }
  const field = key as keyof Settings;
  const why = Object.values(checkSettings({ [field]: value }, DEFAULT_SETTINGS).fields)[0] ?? t('importFieldProblem');
  return t('policyNotUsed', t(FIELD_NAMES[field]), shown, why);
}

/** `scheme://user:password@host` shown as `scheme://•••@host`, wherever it is in the text. */
const withoutCredentials = (text: string) => text.replace(/([a-z][a-z\d+.-]*:\/\/)[^/?#@\s"]*@/gi, '$1•••@');

const cut = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);
