// The popup's one storage read, started before its module has loaded: popup.html loads this tiny classic script
// `async`, so it runs as soon as it arrives (the popup's module is several times larger and runs only after the page
// is parsed), and the answer is usually back by the time the popup renders. Changes from then on are kept for the
// module (popup-start.ts). Built on its own as an unlisted script, without the polyfill (lib/platform/native.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { popupStart } from '@/lib/platform/storage/popup-start';

export default defineUnlistedScript(() => {
  popupStart();
});
