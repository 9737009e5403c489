// The background's half of clearing a copied token (lib/platform/clipboard.ts): the Copy is remembered in
// storage.session with an alarm 60 s on; when it fires, the clipboard is read back and cleared where the browser
// allows it without a page: Chrome in an offscreen document, Firefox in this event page.
import { browser } from 'wxt/browser';
import { OffscreenReply } from '@/lib/messaging/offscreen';
import { CLEAR_AFTER_MS, type Cleared } from '@/lib/model/clipboard';
import { CLEAR_CLIPBOARD_ALARM, CLIPBOARD_PERMISSIONS, type ClipboardAccess, clearIfStill, copiedItem } from '@/lib/platform/clipboard';

export interface ClearerDeps {
  now(): number;
  /** Sets the alarm; a new Copy moves it. */
  schedule(when: number): Promise<void>;
  /** Whether the agent granted what reading back and clearing take. */
  mayClear(): Promise<boolean>;
  /** Clears the clipboard if its text has this digest. */
  clearIf(digest: string): Promise<Cleared>;
}

export function createClipboardClearer(deps: ClearerDeps) {
  return {
    /** A page copied the token: clear it 60 s from now. */
    async copied(digest: string) {
      const copiedAt = deps.now();
      await copiedItem.set({ digest, copiedAt, state: 'waiting' });
      await deps.schedule(copiedAt + CLEAR_AFTER_MS);
      return { clearAt: copiedAt + CLEAR_AFTER_MS };
    },
    /** The alarm: clear the last copy if the clipboard still holds it, and say how that went. */
    async clear() {
      const copied = await copiedItem.get();
      if (!copied?.digest) return;
      const state = (await deps.mayClear()) ? await deps.clearIf(copied.digest).catch((): Cleared => 'failed') : 'failed';
      await copiedItem.set({ ...copied, digest: null, state });
    },
  };
}

const OFFSCREEN_URL = 'offscreen.html';

/** Chrome: an offscreen document (reason CLIPBOARD) for the moment it takes, closed again after. */
async function clearInOffscreenDocument(digest: string): Promise<Cleared> {
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (open.length === 0) {
    await browser.offscreen.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied token from the clipboard 60 s later, if the clipboard still holds it.',
    });
  }
  try {
    const reply = OffscreenReply.safeParse(await browser.runtime.sendMessage({ type: 'clearClipboardIf', digest }));
    return reply.success ? reply.data.cleared : 'failed';
  } finally {
    await browser.offscreen.closeDocument();
  }
}

/** Firefox: the event page has a DOM, and with clipboardRead and clipboardWrite needs no focus or click. */
const eventPageClipboard: ClipboardAccess = {
  readText: () => navigator.clipboard.readText(),
  clear: () => navigator.clipboard.writeText(''),
};

export const browserClipboardClearer = () =>
  createClipboardClearer({
    now: Date.now,
    schedule: async (when) => browser.alarms.create(CLEAR_CLIPBOARD_ALARM, { when }),
    mayClear: () => browser.permissions.contains({ permissions: CLIPBOARD_PERMISSIONS }),
    clearIf: (digest) => (import.meta.env.FIREFOX ? clearIfStill(digest, eventPageClipboard) : clearInOffscreenDocument(digest)),
  });
