// Tests run against WXT's fake browser, which has no i18n: messages come from the English catalogue, filled in as
// the browser fills them. It is the `chrome` global too, which t() and lib/platform/native.ts use.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { en, type MessageKey } from '@/lib/words/en';
import { fill } from '@/lib/words/messages';

globalThis.chrome = fakeBrowser as unknown as typeof chrome;
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | string[]) =>
  fill(en[key as MessageKey] ?? '', typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
