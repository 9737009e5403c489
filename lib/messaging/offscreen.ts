// The background's one message to Chrome's offscreen document (lib/platform/clipboard-clear.ts). Apart from
// protocol.ts because that page has no chrome.i18n, which protocol.ts's schemas need to word their errors.
import * as z from 'zod/mini';

/** The hex SHA-256 of a copied token: all the background learns of what a page copied. */
export const Digest = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** How clearing a copied token ended: done, not needed (the clipboard holds something else now), or not possible. */
export const CLEARED = ['cleared', 'changed', 'failed'] as const;
export type Cleared = (typeof CLEARED)[number];

export const OffscreenRequest = z.object({ type: z.literal('clearClipboardIf'), digest: Digest });
export const OffscreenReply = z.object({ cleared: z.enum(CLEARED) });
