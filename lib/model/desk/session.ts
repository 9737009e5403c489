// The MFA session as the agent works it: who it is for, and every OTP sent and code tried, for the side panel.
// History: the last actions across sessions, without secrets, kept in storage.local. Only the shapes live here,
// since every page loads them; the background's bookkeeping is in record.ts.
import * as z from 'zod/mini';
import { IDENTIFIER_TYPES } from '@/lib/model/capillary/identifier';
import { Action } from './outcome';

export const MAX_HISTORY = 50;
/** History's size as stored (JSON characters): 50 ordinary entries take about 8 kB. */
export const MAX_HISTORY_BYTES = 32 * 1024;

export const SessionEvent = z.object({
  action: Action,
  at: z.number(),
  ok: z.boolean(),
  code: z.string(),
  /** For a validate: which attempt it was since the last OTP sent (1 to 5). */
  attempt: z.optional(z.number()),
});
export type SessionEvent = z.infer<typeof SessionEvent>;

export const MfaSession = z.object({
  apiBaseUrl: z.string(),
  sessionId: z.string(),
  brand: z.string(),
  identifierType: z.enum(IDENTIFIER_TYPES),
  maskedIdentifier: z.string(),
  /**
   * A digest of the identifier as customers are compared (identifierDigest): two numbers that end alike are not the
   * same customer, and the record still holds no identifier in clear. Absent from sessions recorded before it was kept.
   */
  identifierDigest: z.optional(z.string()),
  deviceId: z.string(),
  /** When this desk first used the session ID: Capillary does not say when it minted it. */
  beganAt: z.number(),
  events: z.array(SessionEvent),
  /** When End session (or the idle time) ended it: kept after the end for the side panel and the ticket's note. */
  endedAt: z.optional(z.number()),
});
export type MfaSession = z.infer<typeof MfaSession>;

export const HistoryEntry = z.object({
  at: z.number(),
  cluster: z.string(),
  brand: z.string(),
  maskedIdentifier: z.string(),
  action: Action,
  code: z.string(),
  /** The ticket or chat reference the agent gave the customer. */
  reference: z.optional(z.string()),
  /** How long the call took, from leaving to its answer. */
  durationMs: z.optional(z.number()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
