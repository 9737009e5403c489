// What the pages show of a customer on the desk, without a secret: its activity, whether a token is held, the first
// factor's state, and the facts of its MFA session (when the OTP went, when it was validated, until when the customer
// counts as verified, when it ended). The background writes these into the popup's snapshot; the side panel makes them
// from the records it reads. Pure and zod-free: the popup uses them before it is ready.
import { SESSION_MINUTES } from '@/lib/model/capillary/defaults';
import type { Activity, Subject } from './outcome';
import type { FirstFactorView } from './popup-snapshot';
import type { CustomerRecord } from './stored';
import { subjectOf } from './subject';

export interface CustomerView {
  id: string;
  activity: Activity;
  /** Whether a validated token is held: End session is offered. */
  hasToken: boolean;
  firstFactor: FirstFactorView | null;
  /** Who the session or token is for, masked; null before either. */
  subject: Subject | null;
  /** The cluster of the session or token. */
  apiBaseUrl: string | null;
  /** When the MFA session's 15 minutes are up. */
  sessionEndsAt: number | null;
  /** The last OTP sent in this session, the validate that worked and which attempt it was. */
  otpSentAt: number | null;
  validatedAt: number | null;
  attempt: number | null;
  /** Until when the customer counts as verified: the earlier of the token's `exp` and the session's end; null if unknown. */
  verifiedUntil: number | null;
  /** When the session was ended, and whether by the idle time rather than the agent. */
  endedAt: number | null;
  endedAuto: boolean;
}

export function viewCustomer(record: CustomerRecord): CustomerView {
  const { session, auth, firstFactor } = record;
  const events = session?.events ?? [];
  const lastOf = (found: (event: (typeof events)[number]) => boolean) => events.findLast(found) ?? null;
  const validated = lastOf((event) => event.action === 'validateOtp' && event.ok);
  const sent = lastOf((event) => event.action === 'sendOtp' && event.ok);
  const ended = lastOf((event) => (event.action === 'endSession' || event.action === 'autoEndSession') && event.ok);
  const sessionEndsAt = session ? session.beganAt + SESSION_MINUTES * 60_000 : null;
  const subject: Subject | null = session
    ? { identifierType: session.identifierType, maskedIdentifier: session.maskedIdentifier, brand: session.brand }
    : auth && subjectOf(auth.customer);
  return {
    id: record.id,
    activity: record.activity,
    hasToken: auth !== null,
    firstFactor: firstFactor && {
      apiBaseUrl: firstFactor.apiBaseUrl,
      customer: firstFactor.customer,
      verified: Boolean(firstFactor.authorizedToken),
    },
    subject,
    apiBaseUrl: session?.apiBaseUrl ?? auth?.apiBaseUrl ?? null,
    sessionEndsAt,
    otpSentAt: sent?.at ?? null,
    validatedAt: validated?.at ?? null,
    attempt: validated?.attempt ?? null,
    verifiedUntil: auth ? earliest(auth.expiresAt, sessionEndsAt) : null,
    endedAt: session?.endedAt ?? null,
    endedAuto: ended?.action === 'autoEndSession',
  };
}

/** The earlier of two ends, either unknown; null when neither is known. */
function earliest(a: number | null | undefined, b: number | null): number | null {
  return a == null ? b : b === null ? a : Math.min(a, b);
}

/** Where a customer stands, as its tab and the panel's list say it. */
export type Phase =
  | { phase: 'verified'; until: number }
  | { phase: 'expired' }
  | { phase: 'waiting'; until: number }
  | { phase: 'session'; until: number }
  | { phase: 'ended'; auto: boolean }
  | { phase: 'new' };

/** How long before its end a verified customer turns amber. */
export const SOON_MS = 2 * 60_000;

export function phaseOf(view: CustomerView, now: number): Phase {
  if (view.hasToken) {
    const until = view.verifiedUntil ?? Number.POSITIVE_INFINITY;
    return until > now ? { phase: 'verified', until } : { phase: 'expired' };
  }
  if (view.endedAt !== null) return { phase: 'ended', auto: view.endedAuto };
  if (view.sessionEndsAt !== null && view.sessionEndsAt > now) {
    const waiting = view.otpSentAt !== null && (view.validatedAt === null || view.otpSentAt > view.validatedAt);
    return { phase: waiting ? 'waiting' : 'session', until: view.sessionEndsAt };
  }
  return { phase: 'new' };
}
