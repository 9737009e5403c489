// The MFA session as the agent works it: who it is for, and every OTP sent and code tried, for the side panel.
// History: the last actions across sessions, without secrets, kept in storage.local.
import * as z from 'zod/mini';
import { clusterName } from '@/lib/capillary/clusters';
import { IDENTIFIER_TYPES, type ValidateOtpRequest } from '@/lib/capillary/schemas';
import { toCsv } from '@/lib/format/csv';
import { maskIdentifier } from '@/lib/format/mask';
import { isoUtc } from '@/lib/format/time';
import { Action, type Outcome, outcomeCode } from './outcome';

/** Capillary's default MFA session and OTP retry limits (REFERENCE.md, "Org configuration defaults"). */
export const SESSION_MINUTES = 15;
export const MAX_ATTEMPTS = 5;
const MAX_EVENTS = 100;
export const MAX_HISTORY = 50;

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
  deviceId: z.string(),
  /** When this desk first used the session ID: Capillary does not say when it minted it. */
  beganAt: z.number(),
  events: z.array(SessionEvent),
});
export type MfaSession = z.infer<typeof MfaSession>;

export const HistoryEntry = z.object({
  at: z.number(),
  cluster: z.string(),
  brand: z.string(),
  maskedIdentifier: z.string(),
  action: Action,
  code: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

type Request = Omit<ValidateOtpRequest, 'otp'>;

/** The session after a call: the same one with the event added, or a new one when the agent moved on. */
export function recordInSession(current: MfaSession | null, request: Request, outcome: Outcome, apiBaseUrl: string): MfaSession {
  const same =
    current &&
    current.sessionId === request.sessionId &&
    current.apiBaseUrl === apiBaseUrl &&
    current.brand.toUpperCase() === request.brand.toUpperCase() &&
    current.deviceId === request.deviceId &&
    current.maskedIdentifier === maskIdentifier(request.identifierType, request.identifierValue);
  const session: MfaSession = same
    ? current
    : {
        apiBaseUrl,
        sessionId: request.sessionId,
        brand: request.brand,
        identifierType: request.identifierType,
        maskedIdentifier: maskIdentifier(request.identifierType, request.identifierValue),
        deviceId: request.deviceId,
        beganAt: outcome.finishedAt,
        events: [],
      };
  const event: SessionEvent = { action: outcome.action, at: outcome.finishedAt, ok: outcome.result.ok, code: outcomeCode(outcome.result) };
  if (outcome.action === 'validateOtp') event.attempt = attemptsSinceLastOtp(session.events) + 1;
  return { ...session, events: [...session.events, event].slice(-MAX_EVENTS) };
}

function attemptsSinceLastOtp(events: SessionEvent[]): number {
  let count = 0;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].action === 'sendOtp' && events[i].ok) break;
    if (events[i].action === 'validateOtp') count++;
  }
  return count;
}

export function recordInHistory(history: HistoryEntry[], outcome: Outcome, apiBaseUrl: string): HistoryEntry[] {
  const entry: HistoryEntry = {
    at: outcome.finishedAt,
    cluster: clusterName(apiBaseUrl),
    brand: outcome.subject.brand,
    maskedIdentifier: outcome.subject.maskedIdentifier,
    action: outcome.action,
    code: outcomeCode(outcome.result),
  };
  return [entry, ...history].slice(0, MAX_HISTORY);
}

export function historyToCsv(entries: HistoryEntry[]): string {
  return toCsv([
    ['time_utc', 'cluster', 'brand', 'customer', 'action', 'outcome'],
    ...entries.map((entry) => [isoUtc(entry.at), entry.cluster, entry.brand, entry.maskedIdentifier, entry.action, entry.code]),
  ]);
}
