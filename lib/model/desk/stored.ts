// What the desk keeps of a customer's work in storage.session, as shapes: the customer as typed, the popup's form, the
// token and key a validate bought, the first factor under way, and the record of one customer on the desk. The items
// that hold them are in lib/platform/storage.
import * as z from 'zod/mini';
import { IDENTIFIER_TYPES } from '@/lib/model/capillary/identifier';
import { MfaUser } from '@/lib/model/capillary/schemas';
import { Activity } from './outcome';
import { MfaSession } from './session';

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
  /** The ticket or chat this customer is served in: free text, never secret, in the history and the note. */
  reference: z._default(z.string(), ''),
});
export type Draft = z.infer<typeof Draft>;
export const Auth = z.object({
  token: z.string(),
  key: z.string(),
  user: MfaUser,
  receivedAt: z.number(),
  /** The cluster that issued the token: refresh and end go there, whatever Settings say by then. */
  apiBaseUrl: z.string(),
  customer: StoredCustomer,
  /** The token's `exp` in ms, when it has one. */
  expiresAt: z.optional(z.number()),
});
export type Auth = z.infer<typeof Auth>;
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

/**
 * One customer on the desk, as the background keeps it (storage.session, one key per place on the desk): what is in
 * flight and how the last call ended, the first factor under way, the token and key, and the MFA session. Its form is
 * kept beside it (the popup writes that one as the agent types).
 */
export const CustomerRecord = z.object({
  id: z.string(),
  openedAt: z.number(),
  /** The last call made for this customer: a verified session ends after the idle time set in Settings. */
  lastActiveAt: z.number(),
  activity: Activity,
  firstFactor: z.nullable(FirstFactor),
  auth: z.nullable(Auth),
  session: z.nullable(MfaSession),
});
export type CustomerRecord = z.infer<typeof CustomerRecord>;
