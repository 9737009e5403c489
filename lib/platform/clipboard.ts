// Copying the token: the background clears the clipboard 60 s later, whether or not the side panel is still open or
// focused, but only if the clipboard still holds what was copied, so whatever the agent copied since is never lost.
// To know that, it reads the clipboard back once; that, and writing to it without the agent's click, take optional
// permissions asked for on the first Copy, never at install. The copied text never travels: the panel gives the
// background a SHA-256 digest of it, and the clipboard's text is compared with that digest where it is read.
import type { Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { CLEARED, type Cleared, Digest } from '@/lib/messaging/offscreen';
import { defineItem } from '@/lib/platform/storage/define-item';

export type { Cleared };

export const CLEAR_AFTER_MS = 60_000;
/** The alarm that clears the clipboard: it fires even if the browser stopped the background since the Copy. */
export const CLEAR_CLIPBOARD_ALARM = 'clear-clipboard';

/**
 * Reading the clipboard back, and writing to it with no click: Firefox's event page uses navigator.clipboard itself;
 * Chrome's service worker has no DOM, so it opens an offscreen document (reason CLIPBOARD) for the moment it takes.
 */
export const CLIPBOARD_PERMISSIONS: Browser.runtime.ManifestPermission[] = import.meta.env.FIREFOX
  ? ['clipboardRead', 'clipboardWrite']
  : ['clipboardRead', 'clipboardWrite', 'offscreen'];

/** The last copy: its digest while it waits to be cleared (null once looked at), and how that went. */
export const Copied = z.object({ digest: z.nullable(Digest), copiedAt: z.number(), state: z.enum(['waiting', ...CLEARED]) });
export type Copied = z.infer<typeof Copied>;
export const copiedItem = defineItem<Copied | null>('session', 'copied', z.nullable(Copied), null);

/**
 * How a Copy click went: copied, with the background to clear it; copied, but the agent did not allow clearing, or
 * the background could not take it on ('failed'); or not copied at all.
 */
export type CopyStart = 'copied' | 'not-allowed' | 'failed' | 'copy-failed';

/** How long after a Copy the panel still tells how its clearing went. */
export const TELL_CLEARING_MS = CLEAR_AFTER_MS + 5 * 60_000;

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
