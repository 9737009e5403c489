// The popup's one storage read, started before its module has loaded: popup.html loads this tiny classic script
// `async`, so it runs as soon as it arrives (the popup's module is several times larger and runs only after the page
// is parsed), and the answer is usually back by the time the popup renders. Built on its own as an unlisted script,
// without the polyfill (lib/platform/native.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { POPUP_MARKS, POPUP_READ_KEYS, type PopupReadGlobal } from '@/lib/model/desk/popup-snapshot';
import { nativeBrowser } from '@/lib/platform/native';

export default defineUnlistedScript(() => {
  performance.mark(POPUP_MARKS.read);
  (globalThis as PopupReadGlobal).popupStartRead = nativeBrowser.storage.session.get(POPUP_READ_KEYS);
});
