// Every string a page shows goes through here: the browser picks the agent's language, falling back to English.
// The browser's own i18n, not webextension-polyfill's wrapper (the popup's script before ready carries no polyfill,
// lib/platform/native.ts): getMessage is the same synchronous call in both browsers, and Firefox has `chrome` too.
import type { MessageKey } from './en';

// WXT types getMessage from a public/_locales folder; ours are written from lib/words at build time.
type GetMessage = (key: string, substitutions?: string[]) => string;

/** Whether the agent's language reads right to left: asked of the catalogue once. */
let rightToLeft: boolean | undefined;

/**
 * Every string a page shows. In a right-to-left language each value put into a sentence is isolated (U+2068 …
 * U+2069, what <bdi> does in markup): a masked number, a host or a session ID keeps its own direction and cannot
 * reorder the words around it.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const getMessage = chrome.i18n.getMessage as GetMessage;
  rightToLeft ??= getMessage('textDirection') === 'rtl';
  return getMessage(
    key,
    substitutions.map((value) => (rightToLeft ? `\u2068${value}\u2069` : String(value))),
  );
}
