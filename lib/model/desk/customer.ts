// Who a call is for, compared and keyed as Capillary compares customers: pure, for the popup before it is ready and
// for the background alike.
import { type IdentifierType, identifierKey } from '@/lib/model/capillary/identifier';
import type { StoredCustomer } from '@/lib/model/desk/stored';

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

/** Whether two brand names are the same brand, as Capillary compares them (without regard to case). */
export const sameBrand = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
