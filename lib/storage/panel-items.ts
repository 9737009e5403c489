// Items only the side panel reads (and, for a selection to decode, the background writes): apart from items.ts so
// that the popup, which never needs them, does not build their schemas before it is ready.
import * as z from 'zod/mini';
import { defineItem } from './define-item';

/** Which of the side panel's folds the agent opened or closed. */
export const foldsItem = defineItem('local', 'panelFolds', z.record(z.string(), z.boolean()), {});

/** Text selected on a page with "Decode JWT in MFA Desk", for the side panel to decode. */
export const MAX_PENDING_JWT = 16_384;
export const PendingJwt = z.object({ text: z.string().check(z.maxLength(MAX_PENDING_JWT)), at: z.number() });
export const pendingJwtItem = defineItem<z.infer<typeof PendingJwt> | null>('session', 'pendingJwt', z.nullable(PendingJwt), null);
