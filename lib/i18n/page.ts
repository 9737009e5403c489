// A page in the agent's language: `lang` and `dir` from the catalogue the browser picked, so the direction always
// matches the words on screen (rtl for Arabic), whatever the browser's own UI language is.
import { t } from './t';

export function applyPageLanguage(): void {
  const root = document.documentElement;
  root.lang = t('languageTag');
  root.dir = t('textDirection') === 'rtl' ? 'rtl' : 'ltr';
}
