// A page in the agent's language: its title, `lang` and `dir` from the catalogue the browser picked, so the direction always
// matches the words on screen (rtl for Arabic), whatever the browser's own UI language is.
import type { MessageKey } from './en';
import { t } from './t';

/** Sets the page's language, direction and title (the HTML's English title is what shows only before this runs). */
export function applyPageLanguage(title: MessageKey): void {
  document.title = t(title);
  const root = document.documentElement;
  root.lang = t('languageTag');
  root.dir = t('textDirection') === 'rtl' ? 'rtl' : 'ltr';
}
