// Copying the token: the background clears the clipboard 60 s later, whether or not the side panel is still open or
// focused, but only if the clipboard still holds what was copied, so whatever the agent copied since is never lost.
// To know that, it reads the clipboard back once; that, and writing to it without the agent's click, take optional
// permissions asked for on the first Copy, never at install. The copied text never travels: the panel gives the
// background a SHA-256 digest of it, and the clipboard's text is compared with that digest where it is read.
import type { Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { type Cleared, Copied } from '@/lib/model/clipboard';
import { defineItem } from '@/lib/platform/storage/define-item';

/** The alarm that clears the clipboard: it fires even if the browser stopped the background since the Copy. */
export const CLEAR_CLIPBOARD_ALARM = 'clear-clipboard';

/**
 * Reading the clipboard back, and writing to it with no click: Firefox's event page uses navigator.clipboard itself;
 * Chrome's service worker has no DOM, so it opens an offscreen document (reason CLIPBOARD) for the moment it takes.
 */
export const CLIPBOARD_PERMISSIONS: Browser.runtime.ManifestPermission[] = import.meta.env.FIREFOX
  ? ['clipboardRead', 'clipboardWrite']
  : ['clipboardRead', 'clipboardWrite', 'offscreen'];

export const copiedItem = defineItem<Copied | null>('session', 'copied', z.nullable(Copied), null);

/** The hex SHA-256 of a text: what the background is told of a copied secret. */
export async function digestOf(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The clipboard where it is read back: the offscreen document's (Chrome) or the event page's (Firefox). */
export interface ClipboardAccess {
  readText(): Promise<string>;
  clear(): Promise<void>;
}

/** Clears the clipboard if it still holds the text with this digest; its text never leaves this function. */
export async function clearIfStill(digest: string, clipboard: ClipboardAccess): Promise<Cleared> {
  try {
    if ((await digestOf(await clipboard.readText())) !== digest) return 'changed';
    await clipboard.clear();
    return 'cleared';
  } catch {
    return 'failed';
  }
}
