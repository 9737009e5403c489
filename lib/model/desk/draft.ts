// The form after each call, as the background saves it and an open popup shows it (kept apart from record.ts so
// the popup loads only this).
import type { DeskError } from '@/lib/model/capillary/errors';
import type { Draft } from '@/lib/model/desk/stored';
import type { Action, Outcome } from './outcome';

/** Capillary refused the authorized token itself (unknown, or expired): keeping it would only fail again. */
export function tokenRefused(error: DeskError): boolean {
  return error.kind === 'capillary' && (error.code === 1505 || error.code === 1529);
}

/**
 * The form after a call. The background applies it to the saved form, and an open popup to what it shows, so
 * both agree whether or not the popup was open when the call ended:
 * - an OTP is spent once Capillary checked it, right or wrong; one that never reached it is kept for Retry;
 * - a started session's ID goes into Session ID, and the authorized token that bought it is gone;
 * - an ended session leaves Session ID empty, so the session-start step comes back.
 */
export function draftAfter(draft: Draft, outcome: Outcome): Draft {
  return AFTER[outcome.action](draft, outcome.result);
}

/**
 * The form after a call, as it is by the time the call ends (the background's saved copy, or the popup's own after its
 * reply): `draftAfter` on the form the call left with, for the fields the agent has not changed since (a code typed
 * while the one before was being checked is the next try, not a spent code).
 */
export function draftAfterCall(now: Draft, sent: Draft, outcome: Outcome): Draft {
  const after = draftAfter(sent, outcome);
  const untouched = (Object.keys(after) as (keyof Draft)[]).filter((field) => now[field] === sent[field]);
  return patch(now, Object.fromEntries(untouched.map((field) => [field, after[field]])));
}

/** A session start: its ID goes into Session ID and its token is spent; a token Capillary refused is dropped. */
function afterStart(draft: Draft, result: Outcome['result']): Draft {
  if (result.ok) return patch(draft, { sessionId: result.sessionId ?? draft.sessionId, otp: '', authorizedToken: '' });
  return tokenRefused(result.error) ? patch(draft, { authorizedToken: '' }) : draft;
}

const unchanged = (draft: Draft) => draft;

/**
 * Whether Capillary looked at the code: it answered, or refused it (a wrong code counts as an attempt). A code that
 * never reached it (offline, a timeout, a field refused before sending) is kept for Retry: the customer need not read
 * it out again.
 */
export function codeChecked(result: Outcome['result']): boolean {
  return result.ok || result.error.kind === 'capillary';
}
const afterEnd = (draft: Draft, result: Outcome['result']) => (result.ok ? patch(draft, { sessionId: '', otp: '' }) : draft);

/** What each action does to the form: every action has its line, so a new one fails the typecheck here. */
const AFTER: Record<Action, (draft: Draft, result: Outcome['result']) => Draft> = {
  sendFirstFactorOtp: unchanged,
  sendOtp: unchanged,
  refreshToken: unchanged,
  validateOtp: (draft, result) => (codeChecked(result) ? patch(draft, { otp: '' }) : draft),
  verifyFirstFactor: (draft, result) => afterStart(codeChecked(result) ? patch(draft, { firstFactorOtp: '' }) : draft, result),
  startMfaSession: afterStart,
  endSession: afterEnd,
  autoEndSession: afterEnd,
};

/** The form with some fields changed; the same object when none changes, so nothing is saved for nothing. */
function patch(draft: Draft, fields: Partial<Draft>): Draft {
  const changed = (Object.keys(fields) as (keyof Draft)[]).some((field) => draft[field] !== fields[field]);
  return changed ? { ...draft, ...fields } : draft;
}

/** What "Start a new session" does to the form: Session ID and every code emptied, the customer kept. */
export function draftForNewSession(draft: Draft): Draft {
  return patch(draft, { sessionId: '', otp: '', firstFactorOtp: '', authorizedToken: '' });
}
