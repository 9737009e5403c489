// Catalogues as the browser reads them: `_locales/<lang>/messages.json`. A "$1" in a text becomes a named
// placeholder, the form both Chrome and Firefox document.
import { ar } from './ar';
import { type Catalogue, en, type MessageKey } from './en';
import { id } from './id';
import { vi } from './vi';
import { zh_CN } from './zh_CN';

/** Every language shipped, by its _locales folder name. */
export const CATALOGUES: Record<string, Catalogue> = { en, zh_CN, id, vi, ar };

/** Words about the sandbox's plain-http door, left out of the store packages, which have no such door. */
export const SANDBOX_ONLY_MESSAGES: readonly MessageKey[] = ['apiBaseUrlNote', 'urlPlainHttp', 'hostUnencrypted'];

type Message = { message: string; placeholders?: Record<string, { content: string }> };

export function messagesJson(catalogue: Catalogue, { store = false } = {}): Record<string, Message> {
  const entries = Object.entries(catalogue).filter(([key]) => !(store && SANDBOX_ONLY_MESSAGES.includes(key as MessageKey)));
  return Object.fromEntries(
    entries.map(([key, text]) => {
      const numbers = [...new Set([...text.matchAll(/\$(\d)/g)].map((match) => match[1]))];
      if (numbers.length === 0) return [key, { message: text.replace(/\$/g, '$$$$') }];
      const message = text.replace(/\$(\d)/g, (_all, n: string) => `$p${n}$`);
      return [key, { message, placeholders: Object.fromEntries(numbers.map((n) => [`p${n}`, { content: `$${n}` }])) }];
    }),
  );
}

/** The same substitution the browser does, for tests and for the catalogue checks. */
export function fill(text: string, substitutions: string[]): string {
  return text.replace(/\$(\d)/g, (_all, n: string) => substitutions[Number(n) - 1] ?? '');
}
