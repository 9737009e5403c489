// Every string a page shows goes through here: the browser picks the agent's language, falling back to English.
import { browser } from 'wxt/browser';
import type { MessageKey } from './en';

// WXT types getMessage from a public/_locales folder; ours are written from lib/i18n at build time.
type GetMessage = (key: string, substitutions?: string[]) => string;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return (browser.i18n.getMessage as GetMessage)(key, substitutions.map(String));
}
