// Chrome's offscreen document (reason CLIPBOARD), opened by the background for the moment it takes to clear a copied
// token (lib/platform/clipboard-clear.ts). An offscreen document is never focused, so navigator.clipboard refuses it:
// the clipboard is read with a paste into a text area (clipboardRead) and emptied by a copy whose text is empty
// (clipboardWrite). Built on its own as an unlisted script, loaded by offscreen.html (written in wxt.config.ts), so
// that it shares no chunk with the pages and changes nothing of what they load.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { OffscreenRequest } from '@/lib/messaging/offscreen';
import { type ClipboardAccess, clearIfStill } from '@/lib/platform/clipboard';

const clipboard: ClipboardAccess = {
  async readText() {
    const area = document.body.appendChild(document.createElement('textarea'));
    try {
      area.focus();
      if (!document.execCommand('paste')) throw new Error('paste refused');
      return area.value;
    } finally {
      area.remove();
    }
  },
  async clear() {
    // Copy is enabled only with something selected; the copy event then puts an empty text in its place.
    const area = document.body.appendChild(document.createElement('textarea'));
    const empty = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/plain', '');
      event.preventDefault();
    };
    try {
      area.value = ' ';
      area.select();
      document.addEventListener('copy', empty, { once: true });
      if (!document.execCommand('copy')) throw new Error('copy refused');
    } finally {
      document.removeEventListener('copy', empty);
      area.remove();
    }
  },
};

export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
      // Only the background talks to this document; it answers nothing else.
      const request = OffscreenRequest.safeParse(message);
      if (sender.id !== browser.runtime.id || !request.success) return undefined;
      return clearIfStill(request.data.digest, clipboard).then((cleared) => ({ cleared }));
    });
  },
});
