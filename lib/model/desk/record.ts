// The background's bookkeeping after each call: the session's events and the history. The form's: draft.ts.

import { clusterName } from '@/lib/model/capillary/clusters';
import type { DeskError } from '@/lib/model/capillary/errors';
import { cut } from '@/lib/model/capillary/redact';
import { maskIdentifier } from '@/lib/model/format/mask';
import { identifierDigest, sessionIsFor } from './customer';
import { MAX_REFERENCE } from './desk-keys';
import type { Action, Outcome } from './outcome';
import type { HistoryEntry, MfaSession, SessionEvent } from './session';
import { MAX_HISTORY, MAX_HISTORY_BYTES } from './session';
import type { StoredCustomer } from './stored';

const MAX_EVENTS = 100;
/** Longest text of a history field: a brand, a cluster's name, a masked identifier. */
const ENTRY_FIELD = 100;

/** The customer a call was for, with the MFA session ID it named, when it named one. */
export type Who = StoredCustomer & { sessionId?: string };

/**
 * The MFA session after a call: the same one with the event added, a new one when the call named (or opened)
 * another, none once it was ended. Calls outside an MFA session (the first factor, a refresh) leave it as it is.
 */
export function recordInSession(current: MfaSession | null, who: Who, outcome: Outcome, apiBaseUrl: string): MfaSession | null {
  const { result } = outcome;
  if (outcome.action === 'endSession' || outcome.action === 'autoEndSession') {
    // Kept, ended: the side panel and the ticket's note say when.
    if (!result.ok || !current) return current;
    const event: SessionEvent = { action: outcome.action, at: outcome.finishedAt, ok: true, code: 'OK' };
    return { ...current, endedAt: outcome.finishedAt, events: [...current.events, event].slice(-MAX_EVENTS) };
  }
  const sessionId = SESSION_OF[outcome.action](who, result);
  if (!sessionId) return current;
  const same = current && current.sessionId === sessionId && current.apiBaseUrl === apiBaseUrl && sessionIsFor(current, who);
  const session: MfaSession = same
    ? current
    : {
        apiBaseUrl,
        sessionId,
        brand: who.brand,
        identifierType: who.identifierType,
        maskedIdentifier: maskIdentifier(who.identifierType, who.identifierValue),
        identifierDigest: identifierDigest(who.identifierType, who.identifierValue),
        deviceId: who.deviceId,
        beganAt: outcome.finishedAt,
        events: [],
      };
  const event: SessionEvent = { action: outcome.action, at: outcome.finishedAt, ok: outcome.result.ok, code: outcomeCode(outcome.result) };
  if (outcome.action === 'validateOtp') event.attempt = attemptsSinceLastOtp(session.events) + 1;
  return { ...session, events: [...session.events, event].slice(-MAX_EVENTS) };
}

/** The MFA session each action's event belongs to: the one it named, the one it opened, or none. */
const SESSION_OF: Record<Exclude<Action, 'endSession' | 'autoEndSession'>, (who: Who, result: Outcome['result']) => string | undefined> = {
  sendOtp: (who) => who.sessionId,
  validateOtp: (who) => who.sessionId,
  startMfaSession: (_who, result) => (result.ok ? result.sessionId : undefined),
  verifyFirstFactor: (_who, result) => (result.ok ? result.sessionId : undefined),
  sendFirstFactorOtp: () => undefined,
  refreshToken: () => undefined,
};

function attemptsSinceLastOtp(events: SessionEvent[]): number {
  let count = 0;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].action === 'sendOtp' && events[i].ok) break;
    if (events[i].action === 'validateOtp') count++;
  }
  return count;
}

/**
 * The history with this outcome first. `call.startedAt` names the "interrupted" line written when the call left, which
 * the outcome replaces, and times the call. Bounded in entries and in bytes, oldest dropped first.
 */
export function recordInHistory(
  history: HistoryEntry[],
  outcome: Outcome,
  apiBaseUrl: string,
  call?: { startedAt: number; reference?: string },
): HistoryEntry[] {
  const startedAt = call?.startedAt;
  const reference = call?.reference?.trim();
  const entry: HistoryEntry = {
    at: outcome.finishedAt,
    cluster: cut(clusterName(apiBaseUrl), ENTRY_FIELD),
    brand: cut(outcome.subject.brand, ENTRY_FIELD),
    maskedIdentifier: cut(outcome.subject.maskedIdentifier, ENTRY_FIELD),
    action: outcome.action,
    code: outcomeCode(outcome.result),
    ...(reference ? { reference: cut(reference, MAX_REFERENCE) } : {}),
    ...(startedAt !== undefined ? { durationMs: outcome.finishedAt - startedAt } : {}),
  };
  const others = history.filter((old) => !(old.at === startedAt && old.action === outcome.action && old.code === 'interrupted'));
  const next = [entry, ...others].slice(0, MAX_HISTORY);
  let bytes = JSON.stringify(next).length;
  while (bytes > MAX_HISTORY_BYTES && next.length > 1) bytes -= JSON.stringify(next.pop()).length + 1;
  return next;
}

type ErrorOf<K extends DeskError['kind']> = Extract<DeskError, { kind: K }>;

/** The short code a failure is filed under in the session view and history, per kind: Capillary's code, or what failed. */
const CODE_OF: { [K in DeskError['kind']]: (error: ErrorOf<K>) => string } = {
  capillary: (error) => String(error.code),
  http: (error) => `HTTP ${error.httpStatus}`,
  'rate-limited': () => 'HTTP 429',
  timeout: () => 'timeout',
  network: () => 'network',
  'bad-response': () => 'bad reply',
  redirect: () => 'redirect',
  'too-large': () => 'too-large',
  'no-permission': () => 'no-permission',
  'invalid-request': () => 'invalid-request',
  cooldown: () => 'cooldown',
  rejected: () => 'rejected',
  interrupted: () => 'interrupted',
  internal: () => 'internal',
};

/** The short code an outcome is filed under: OK, or its failure's. */
export function outcomeCode(result: Outcome['result']): string {
  if (result.ok) return 'OK';
  return (CODE_OF[result.error.kind] as (error: DeskError) => string)(result.error);
}
