// The Capillary auth contract's replies: the two seed documents (../shared/capillary-api/mfa-otp-generate.seed.md and
// mfa-otp-validate.seed.md) and the rest of the login chain from REFERENCE.md, "Request and reply shapes of the chain".
// Replies are loose objects: fields Capillary adds later are kept, missing required ones fail. Only the background
// (client.ts) loads them.
import * as z from 'zod/mini';
import { MfaUser, Status } from '@/lib/model/capillary/schemas';
import { JWT_SHAPE } from './requests';

/** Calls that answer with their status alone: both OTP generates and the expire. */
export const StatusResponse = z.looseObject({ status: Status });
export type StatusResponse = z.infer<typeof StatusResponse>;

const someString = () => z.string().check(z.minLength(1));
/** A token or key in a reply: JWT-shaped, or a break of the contract, never stored. */
const jwt = () => z.string().check(z.regex(JWT_SHAPE, 'not a JWT'));

export const ValidateOtpResponse = z.looseObject({
  status: Status,
  auth: z.looseObject({ token: jwt(), key: jwt() }),
  user: MfaUser,
});
export type ValidateOtpResponse = z.infer<typeof ValidateOtpResponse>;

/**
 * `/auth/v1/token/generate` and `/auth/v1/mfa/token/generate`: a VIEW token and the session that was opened
 * (a UUID for the first factor, "P-" + UUID for MFA). The key is null here.
 */
export const SessionOpenedResponse = z.looseObject({
  status: Status,
  auth: z.looseObject({ token: jwt(), key: z.optional(z.nullable(jwt())) }),
  user: z.looseObject({ sessionId: someString(), role: z.string() }),
});
export type SessionOpenedResponse = z.infer<typeof SessionOpenedResponse>;

/** `/auth/v1/otp/validate` (first factor): the USER token; the key may be null for web. */
export const FirstFactorValidatedResponse = z.looseObject({
  status: Status,
  auth: z.looseObject({ token: jwt(), key: z.optional(z.nullable(jwt())) }),
  user: z.optional(z.looseObject({})),
});
export type FirstFactorValidatedResponse = z.infer<typeof FirstFactorValidatedResponse>;

/** `/auth/v1/mfa/token/regenerate`: a new token; the key may be absent, and then the one held stays valid. */
export const TokenRefreshedResponse = z.looseObject({
  status: Status,
  auth: z.looseObject({ token: jwt(), key: z.optional(z.nullable(jwt())) }),
});
export type TokenRefreshedResponse = z.infer<typeof TokenRefreshedResponse>;
