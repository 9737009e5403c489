// Items only the side panel reads (and, for a selection to decode, the background writes): apart from items.ts so
// that the popup, which never needs them, does not build their schemas before it is ready.
import * as z from 'zod/mini';
import { defineItem } from './define-item';

/** Which of the side panel's folds the agent opened or closed. */
export const foldsItem = defineItem('local', 'panelFolds', z.record(z.string(), z.boolean()), {});

/**
 * Text selected on a page with "Decode JWT in MFA Desk", for the side panel to decode: forgotten once the panel has
 * shown it, or after 10 minutes unseen.
 */
export const MAX_PENDING_JWT = 16_384;
export const PENDING_JWT_TTL_MS = 10 * 60_000;
/** The alarm that forgets a selection the panel never showed. */
export const FORGET_SELECTION_ALARM = 'forget-selection';
export const PendingJwt = z.object({ text: z.string().check(z.maxLength(MAX_PENDING_JWT)), at: z.number() });
export type PendingJwt = z.infer<typeof PendingJwt>;
export const pendingJwtItem = defineItem<PendingJwt | null>('session', 'pendingJwt', z.nullable(PendingJwt), null);

/** A selection still to be shown: not older than 10 minutes. */
export const freshSelection = (pending: PendingJwt | null, now: number): PendingJwt | null =>
  pending && now - pending.at < PENDING_JWT_TTL_MS ? pending : null;
