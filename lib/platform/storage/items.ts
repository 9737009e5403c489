// Every storage item of the extension, defined once (the session record and history, which only the background and
// the side panel use, with their shapes in lib/model/desk/session.ts). Secrets (token, key, OTP) only ever in `session`:
// storage.session lives in memory and is gone when the browser closes.
import * as z from 'zod/mini';
import { IDENTIFIER_TYPES } from '@/lib/model/capillary/identifier';
import { MfaUser } from '@/lib/model/capillary/schemas';
import { Activity } from '@/lib/model/desk/outcome';
import { DRAFT_KEY, SCREEN_SHARE_KEY } from '@/lib/model/desk/popup-snapshot';
import { defineItem } from './define-item';

// Settings (storage.sync, with their migrations and the policy over them) live in lib/platform/settings/stored.ts.

/** Who a call is for, as the agent typed it: kept in storage.session only, to end or refresh the session later. */
export const StoredCustomer = z.object({
  identifierType: z.enum(IDENTIFIER_TYPES),
  identifierValue: z.string(),
  deviceId: z.string(),
  brand: z.string(),
});
export type StoredCustomer = z.infer<typeof StoredCustomer>;

/**
 * The popup's form as the agent left it. Secrets in it (OTPs, the authorized token) are emptied by the background
 * once a call has used them (see draftAfter).
 */
export const Draft = z.object({
  ...StoredCustomer.shape,
  sessionId: z.string(),
  otp: z.string(),
  /** Fields added with the session-start step default to empty, so a form saved before keeps its values. */
  authorizedToken: z._default(z.string(), ''),
  firstFactorOtp: z._default(z.string(), ''),
});
export type Draft = z.infer<typeof Draft>;
export const draftItem = defineItem<Draft | null>('session', DRAFT_KEY, z.nullable(Draft), null);

export const activityItem = defineItem('session', 'activity', Activity, { inflight: null, outcome: null });

/** Cooldown key (see cooldownKey) -> epoch ms until which a new Send OTP is held back. */
export const cooldownsItem = defineItem('session', 'cooldowns', z.record(z.string(), z.number()), {});

export const Auth = z.object({
  token: z.string(),
  key: z.string(),
  user: MfaUser,
  receivedAt: z.number(),
  /** The cluster that issued the token: refresh and end go there, whatever Settings say by then. */
  apiBaseUrl: z.string(),
  customer: StoredCustomer,
});
export type Auth = z.infer<typeof Auth>;
export const authItem = defineItem<Auth | null>('session', 'auth', z.nullable(Auth), null);

/**
 * A first factor under way: the first-factor session an OTP was sent for, the validates tried since, and once the
 * OTP is verified the customer's USER token, kept only until an MFA session is opened with it.
 */
export const FirstFactor = z.object({
  apiBaseUrl: z.string(),
  customer: StoredCustomer,
  sessionId: z.string(),
  attempts: z.number(),
  authorizedToken: z.optional(z.string()),
});
export type FirstFactor = z.infer<typeof FirstFactor>;
export const firstFactorItem = defineItem<FirstFactor | null>('session', 'firstFactor', z.nullable(FirstFactor), null);

/** Screen-share mode, one setting for popup and side panel: on until the agent turns it off. */
export const screenShareItem = defineItem('local', SCREEN_SHARE_KEY, z.boolean(), false);
