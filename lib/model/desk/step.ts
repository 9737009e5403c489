// Which step of the chain the popup shows for a customer, one at a time: start a session, send the OTP, take the
// code the customer reads back, or verified. Pure and zod-free: the popup uses it before it is ready.
import { sameCustomer } from './customer';
import type { CustomerView } from './customer-view';
import type { Outcome } from './outcome';
import type { Draft } from './stored';

export type Step = 'start' | 'send' | 'code' | 'verified';

/**
 * The step for a customer and its form. `last` is the call shown for it (a reply may come before storage says the
 * same): an OTP just sent, or a code just tried, is the code step too.
 */
export function stepOf(customer: CustomerView, draft: Draft, last: Outcome | null): Step {
  if (!draft.sessionId.trim()) return 'start';
  if (customer.hasToken) return 'verified';
  const justSent = last !== null && ((last.action === 'sendOtp' && last.result.ok) || last.action === 'validateOtp');
  return justSent || (customer.otpSentAt !== null && customer.endedAt === null) ? 'code' : 'send';
}

/**
 * The form as typed, after the agent changed who it is for: a Session ID, codes and token belong to the customer
 * they were given for, so once the form names another customer they are left behind (a request for the new one never
 * carries the old one's session).
 */
export function leavingSession(before: Draft, next: Draft): Draft {
  if (sameCustomer(before, next)) return next;
  if (!next.sessionId && !next.otp && !next.authorizedToken && !next.firstFactorOtp) return next;
  return { ...next, sessionId: '', otp: '', authorizedToken: '', firstFactorOtp: '' };
}
