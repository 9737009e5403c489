// One canonical form per identifier type, used for sending, masking, the cooldown and every comparison, so that a
// number pasted as "+91 98765-43210" and typed as "919876543210" are the same customer.

/** The identifier types Capillary takes. */
export const IDENTIFIER_TYPES = ['MOBILE', 'EMAIL', 'USERNAME', 'EXTERNALID'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** Characters a pasted phone number carries besides its digits. */
const PHONE_DRESSING = /^[\d\s+().\-/]+$/;
/** A North American number written with its area code in parentheses, without the country code: (876) 743-1754. */
const NANP = /^\(\d{3}\)/;

/**
 * The value as it is sent. MOBILE: the digits with the country code and no "+" (the seeds' `18767431754`; a leading
 * 00 international prefix dropped, and 1 added to a ten-digit "(876) 743-1754"). Anything else: trimmed. A value
 * that is not phone-shaped is left trimmed, for the request's check to name what is wrong.
 */
export function canonicalIdentifier(type: IdentifierType, value: string): string {
  const v = value.trim();
  if (type !== 'MOBILE' || !PHONE_DRESSING.test(v)) return v;
  const digits = v.replace(/\D/g, '');
  if (NANP.test(v) && digits.length === 10) return `1${digits}`;
  return v.startsWith('00') ? digits.slice(2) : digits;
}

/** What two identifiers are compared by: the canonical form, an email's without regard to case. */
export function identifierKey(type: IdentifierType, value: string): string {
  const canonical = canonicalIdentifier(type, value);
  return type === 'EMAIL' ? canonical.toLowerCase() : canonical;
}

/** An OTP as the customer reads it out, "123 456" or "123-456", as it is sent. */
export function canonicalOtp(value: string): string {
  return value.replace(/[\s-]/g, '');
}
