// A copied token, as the desk tracks it until the clipboard is cleared: pure shapes for the panel, the background and
// Chrome's offscreen document alike (lib/platform/clipboard.ts does the copying and clearing).
import * as z from 'zod/mini';

/** The hex SHA-256 of a copied token: all the background learns of what a page copied. */
export const Digest = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** How clearing a copied token ended: done, not needed (the clipboard holds something else now), or not possible. */
export const CLEARED = ['cleared', 'changed', 'failed'] as const;
export type Cleared = (typeof CLEARED)[number];

export const CLEAR_AFTER_MS = 60_000;

/** The last copy: its digest while it waits to be cleared (null once looked at), and how that went. */
export const Copied = z.object({ digest: z.nullable(Digest), copiedAt: z.number(), state: z.enum(['waiting', ...CLEARED]) });
export type Copied = z.infer<typeof Copied>;

/**
 * How a Copy click went: copied, with the background to clear it; copied, but the agent did not allow clearing, or
 * the background could not take it on ('failed'); or not copied at all.
 */
export type CopyStart = 'copied' | 'not-allowed' | 'failed' | 'copy-failed';

/** How long after a Copy the panel still tells how its clearing went. */
export const TELL_CLEARING_MS = CLEAR_AFTER_MS + 5 * 60_000;
