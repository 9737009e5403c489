// Every string a page shows goes through here: the browser picks the agent's language, falling back to English.
// The browser's own i18n, not webextension-polyfill's wrapper (the popup's script before ready carries no polyfill,
// lib/platform/native.ts): getMessage is the same synchronous call in both browsers, and Firefox has `chrome` too.
import type { MessageKey } from './en';

// WXT types getMessage from a public/_locales folder; ours are written from lib/words at build time.
type GetMessage = (key: string, substitutions?: string[]) => string;

/** Whether the agent's language reads right to left: asked of the catalogue once. */
let rightToLeft: boolean | undefined;

/** Letters of a right-to-left script (Arabic, Hebrew and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * A value isolated inside right-to-left text. Left to right (U+2066 … U+2069) unless it holds right-to-left letters
 * (then first-strong, U+2068): a masked number, a session ID or a host has no strong letter of its own, and would
 * otherwise take the sentence's direction ("1754•••••••").
 */
export const isolated = (value: string) => (RTL_LETTER.test(value) ? `\u2068${value}\u2069` : `\u2066${value}\u2069`);

/**
 * Every string a page shows. In a right-to-left language each value put into a sentence is isolated (what <bdi
 * dir="ltr"> does in markup): a masked number, a host or a session ID keeps its own direction and cannot reorder the
 * words around it.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const getMessage = chrome.i18n.getMessage as GetMessage;
  rightToLeft ??= getMessage('textDirection') === 'rtl';
  return getMessage(
    key,
    substitutions.map((value) => (rightToLeft ? isolated(String(value)) : String(value))),
  );
}
