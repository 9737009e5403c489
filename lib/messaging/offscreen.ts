// The background's one message to Chrome's offscreen document (entrypoints/background/clipboard-clear.ts). Apart from
// protocol.ts because that page has no chrome.i18n, which protocol.ts's schemas need to word their errors.
import * as z from 'zod/mini';
import { CLEARED, Digest } from '@/lib/model/clipboard';

export const OffscreenRequest = z.object({ type: z.literal('clearClipboardIf'), digest: Digest });
export const OffscreenReply = z.object({ cleared: z.enum(CLEARED) });
