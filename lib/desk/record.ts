// The background's bookkeeping after each call: the session's events, the history, and the form.
import { clusterName } from '@/lib/capillary/clusters';
import type { DeskError } from '@/lib/capillary/errors';
import { cut } from '@/lib/capillary/redact';
import type { Customer } from '@/lib/capillary/requests';
import { maskIdentifier } from '@/lib/format/mask';
import type { Draft } from '@/lib/storage/items';
import { type Outcome, outcomeCode } from './outcome';
import type { HistoryEntry, MfaSession, SessionEvent } from './session';
import { MAX_HISTORY, MAX_HISTORY_BYTES } from './session';

const MAX_EVENTS = 100;
/** Longest text of a history field: a brand, a cluster's name, a masked identifier. */
const ENTRY_FIELD = 100;

/** The customer a call was for, with the MFA session ID it named, when it named one. */
export type Who = Customer & { sessionId?: string };

/**
 * The MFA session after a call: the same one with the event added, a new one when the call named (or opened)
 * another, none once it was ended. Calls outside an MFA session (the first factor, a refresh) leave it as it is.
 */
export function recordInSession(current: MfaSession | null, who: Who, outcome: Outcome, apiBaseUrl: string): MfaSession | null {
  const { result } = outcome;
  let sessionId: string | undefined;
  switch (outcome.action) {
    case 'endSession':
      return result.ok ? null : current;
    case 'sendOtp':
    case 'validateOtp':
      sessionId = who.sessionId;
      break;
    case 'startMfaSession':
    case 'verifyFirstFactor':
      sessionId = result.ok ? result.sessionId : undefined;
      break;
  }
  if (!sessionId) return current;
  const masked = maskIdentifier(who.identifierType, who.identifierValue);
  const same =
    current &&
    current.sessionId === sessionId &&
    current.apiBaseUrl === apiBaseUrl &&
    current.brand.toUpperCase() === who.brand.toUpperCase() &&
    current.deviceId === who.deviceId &&
    current.maskedIdentifier === masked;
  const session: MfaSession = same
    ? current
    : {
        apiBaseUrl,
        sessionId,
        brand: who.brand,
        identifierType: who.identifierType,
        maskedIdentifier: masked,
        deviceId: who.deviceId,
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

/**
 * The history with this outcome first. `startedAt` names the "interrupted" line written when the call left, which the
 * outcome replaces. Bounded in entries and in bytes, oldest dropped first.
 */
export function recordInHistory(history: HistoryEntry[], outcome: Outcome, apiBaseUrl: string, startedAt?: number): HistoryEntry[] {
  const entry: HistoryEntry = {
    at: outcome.finishedAt,
    cluster: cut(clusterName(apiBaseUrl), ENTRY_FIELD),
    brand: cut(outcome.subject.brand, ENTRY_FIELD),
    maskedIdentifier: cut(outcome.subject.maskedIdentifier, ENTRY_FIELD),
    action: outcome.action,
    code: outcomeCode(outcome.result),
  };
  const others = history.filter((old) => !(old.at === startedAt && old.action === outcome.action && old.code === 'interrupted'));
  const next = [entry, ...others].slice(0, MAX_HISTORY);
  let bytes = JSON.stringify(next).length;
  while (bytes > MAX_HISTORY_BYTES && next.length > 1) bytes -= JSON.stringify(next.pop()).length + 1;
  return next;
}

/** Capillary refused the authorized token itself (unknown, or expired): keeping it would only fail again. */
export function tokenRefused(error: DeskError): boolean {
  return error.kind === 'capillary' && (error.code === 1505 || error.code === 1529);
}

/**
 * The form after a call. The background applies it to the saved form, and an open popup to what it shows, so
 * both agree whether or not the popup was open when the call ended:
 * - an OTP is spent once tried, right or wrong: never kept;
 * - a started session's ID goes into Session ID, and the authorized token that bought it is gone;
 * - an ended session leaves Session ID empty, so the session-start step comes back.
 */
export function draftAfter(draft: Draft, outcome: Outcome): Draft {
  const { result } = outcome;
  switch (outcome.action) {
    case 'validateOtp':
      return patch(draft, { otp: '' });
    case 'verifyFirstFactor':
    case 'startMfaSession': {
      const next = outcome.action === 'verifyFirstFactor' ? patch(draft, { firstFactorOtp: '' }) : draft;
      if (result.ok) return patch(next, { sessionId: result.sessionId ?? next.sessionId, otp: '', authorizedToken: '' });
      return !result.ok && tokenRefused(result.error) ? patch(next, { authorizedToken: '' }) : next;
    }
    case 'endSession':
      return result.ok ? patch(draft, { sessionId: '', otp: '' }) : draft;
    default:
      return draft;
  }
}

/** The form with some fields changed; the same object when none changes, so nothing is saved for nothing. */
function patch(draft: Draft, fields: Partial<Draft>): Draft {
  const changed = (Object.keys(fields) as (keyof Draft)[]).some((field) => draft[field] !== fields[field]);
  return changed ? { ...draft, ...fields } : draft;
}

/** What "Start a new session" does to the form: Session ID and every code emptied, the customer kept. */
export function draftForNewSession(draft: Draft): Draft {
  return patch(draft, { sessionId: '', otp: '', firstFactorOtp: '', authorizedToken: '' });
}
