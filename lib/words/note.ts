// The plain-text note an agent pastes into the ticket: what was verified, for whom, when, until when, and the ticket's
// reference, in the agent's language with Capillary's codes verbatim and times with their zone. Never an OTP, token,
// key, session ID or unmasked identifier: it is made only from the customer's view (masked) and its reference.
import { clusterName } from '@/lib/model/capillary/clusters';
import { MAX_ATTEMPTS } from '@/lib/model/capillary/defaults';
import type { CustomerView } from '@/lib/model/desk/customer-view';
import type { Draft } from '@/lib/model/desk/stored';
import { maskIdentifier } from '@/lib/model/format/mask';
import { t } from './t';

/** "09:12 GMT+5:30": the agent's clock, with its zone, as a ticket needs it. */
const at = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

export function noteOf(view: CustomerView, form: Draft | undefined): string {
  const subject =
    view.subject ??
    (form && {
      identifierType: form.identifierType,
      maskedIdentifier: maskIdentifier(form.identifierType, form.identifierValue),
      brand: form.brand,
    });
  const parts: string[] = [t(view.validatedAt !== null ? 'noteVerified' : 'noteNotVerified')];
  if (subject?.brand.trim()) parts.push(subject.brand.trim());
  if (subject?.maskedIdentifier) parts.push(`${subject.identifierType} ${subject.maskedIdentifier}`);
  if (view.apiBaseUrl) parts.push(clusterName(view.apiBaseUrl));
  const steps = [view.otpSentAt !== null && t('noteOtpSent', at(view.otpSentAt))];
  if (view.validatedAt !== null) steps.push(t('noteValidated', at(view.validatedAt), view.attempt ?? 1, MAX_ATTEMPTS));
  const done = steps.filter((step) => step !== false);
  if (done.length > 0) parts.push(done.join(', '));
  if (view.verifiedUntil !== null) parts.push(t('noteVerifiedUntil', at(view.verifiedUntil)));
  if (view.endedAt !== null) parts.push(t(view.endedAuto ? 'noteEndedAuto' : 'noteEnded', at(view.endedAt)));
  const reference = form?.reference.trim();
  if (reference) parts.push(t('noteReference', reference));
  return parts.join(' · ');
}

/** What the page says once the note is (or is not) on the clipboard. */
export const noteCopied = (copied: boolean) => ({ alert: !copied, text: t(copied ? 'noteCopied' : 'noteNotCopied') });
