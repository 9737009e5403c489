// "Use as customer in MFA Desk": text selected on a ticket or chat page, read as an agent pastes it. Pure.
import { canonicalIdentifier } from '@/lib/model/capillary/identifier';

const PHONE = /^\+?[\d\s().\-/]{6,40}$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** The customer a selection names: a phone number (8 to 15 digits) or an email address; null for anything else. */
export function customerInSelection(selection: string): { identifierType: 'MOBILE' | 'EMAIL'; identifierValue: string } | null {
  const text = selection.trim().replace(/^mailto:/i, '');
  if (EMAIL.test(text)) return { identifierType: 'EMAIL', identifierValue: text };
  if (!PHONE.test(text)) return null;
  const digits = canonicalIdentifier('MOBILE', text);
  return /^\d{8,15}$/.test(digits) ? { identifierType: 'MOBILE', identifierValue: digits } : null;
}
