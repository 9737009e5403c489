// The background's bookkeeping after each call: the session's events and the history.
import { clusterName } from '@/lib/capillary/clusters';
import type { ValidateOtpRequest } from '@/lib/capillary/schemas';
import { maskIdentifier } from '@/lib/format/mask';
import { type Outcome, outcomeCode } from './outcome';
import type { HistoryEntry, MfaSession, SessionEvent } from './session';
import { MAX_HISTORY } from './session';

const MAX_EVENTS = 100;

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
