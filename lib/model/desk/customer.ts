// Who a call is for, compared and keyed as Capillary compares customers: pure, for the popup before it is ready and
// for the background alike.
import { type IdentifierType, identifierKey } from '@/lib/model/capillary/identifier';
import type { MfaSession } from '@/lib/model/desk/session';
import type { StoredCustomer } from '@/lib/model/desk/stored';
import { maskIdentifier } from '@/lib/model/format/mask';

/** Which OTP a cooldown holds back: the MFA one (Send OTP) or the first factor's. */
export type OtpStep = 'mfa' | 'firstFactor';

/**
 * The key a cooldown is kept under: the person's identifier, whatever the brand (a second brand's SMS reaches the same
 * phone), so changing the brand in the form never lifts it.
 */
export function cooldownKey(identifierType: IdentifierType, identifierValue: string, step: OtpStep = 'mfa'): string {
  const key = `${identifierType}|${identifierKey(identifierType, identifierValue)}`;
  return step === 'mfa' ? key : `FIRST|${key}`;
}

/** Just the four customer fields of a request. */
export function customerOf({ identifierType, identifierValue, deviceId, brand }: StoredCustomer): StoredCustomer {
  return { identifierType, identifierValue, deviceId, brand };
}

/** Whether two customers are the same one, as Capillary compares them (brand without regard to case). */
export function sameCustomer(a: StoredCustomer, b: StoredCustomer): boolean {
  return (
    a.identifierType === b.identifierType &&
    identifierKey(a.identifierType, a.identifierValue) === identifierKey(b.identifierType, b.identifierValue) &&
    a.deviceId.trim() === b.deviceId.trim() &&
    sameBrand(a.brand, b.brand)
  );
}

/**
 * A digest of the identifier as customers are compared (cyrb53, 53 bits): for telling two customers apart in a record
 * that keeps no identifier in clear. Not a secret (a phone number's digest can be guessed back); never shown.
 */
export function identifierDigest(type: IdentifierType, value: string): string {
  const key = `${type}|${identifierKey(type, value)}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Whether an MFA session on record is this customer's: type, identifier, brand and device. A session recorded
 * before its identifier's digest was kept is compared by the masked identifier.
 */
export function sessionIsFor(
  session: Pick<MfaSession, 'identifierType' | 'maskedIdentifier' | 'identifierDigest' | 'brand' | 'deviceId'>,
  who: StoredCustomer,
): boolean {
  const identifier =
    session.identifierDigest === undefined
      ? session.maskedIdentifier === maskIdentifier(who.identifierType, who.identifierValue)
      : session.identifierDigest === identifierDigest(who.identifierType, who.identifierValue);
  return (
    session.identifierType === who.identifierType &&
    identifier &&
    sameBrand(session.brand, who.brand) &&
    session.deviceId.trim() === who.deviceId.trim()
  );
}

/** Whether two brand names are the same brand, as Capillary compares them (without regard to case). */
export const sameBrand = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
