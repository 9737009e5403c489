// Every call of Capillary's login chain as data: its path, and the schemas of its request and reply.
import type * as z from 'zod/mini';
import {
  FirstFactorValidatedResponse,
  SessionOpenedResponse,
  StatusResponse,
  TokenRefreshedResponse,
  ValidateOtpResponse,
} from './replies';
import {
  Customer,
  EndSessionRequest,
  GenerateOtpRequest,
  RefreshTokenRequest,
  StartMfaSessionRequest,
  ValidateOtpRequest,
} from './requests';

/**
 * Every call of the login chain (REFERENCE.md, "The whole login chain"), as data: its path, and the schemas of
 * its request and reply. Every call is a POST with a JSON body.
 */
export const ENDPOINTS = {
  /** First factor, open: a first-factor session (a UUID) and a VIEW token. */
  openFirstFactor: { path: '/auth/v1/token/generate', request: Customer, reply: SessionOpenedResponse },
  /** First factor, send: Capillary sends the customer an OTP for the first-factor session. */
  sendFirstFactorOtp: { path: '/auth/v1/otp/generate', request: GenerateOtpRequest, reply: StatusResponse },
  /** First factor, check: the OTP buys the customer's USER token. */
  validateFirstFactorOtp: { path: '/auth/v1/otp/validate', request: ValidateOtpRequest, reply: FirstFactorValidatedResponse },
  /** MFA, open: a USER token buys an MFA session ("P-" + UUID). */
  startMfaSession: { path: '/auth/v1/mfa/token/generate', request: StartMfaSessionRequest, reply: SessionOpenedResponse },
  /** MFA, send (seed): Capillary sends the customer an OTP for the MFA session. */
  generateOtp: { path: '/auth/v1/mfa/otp/generate', request: GenerateOtpRequest, reply: StatusResponse },
  /** MFA, check (seed): the OTP buys the token, key and user. */
  validateOtp: { path: '/auth/v1/mfa/otp/validate', request: ValidateOtpRequest, reply: ValidateOtpResponse },
  /** Refresh: the key buys a new token. */
  refreshToken: { path: '/auth/v1/mfa/token/regenerate', request: RefreshTokenRequest, reply: TokenRefreshedResponse },
  /** End: the token is expired. The expire page's table says POST (its example DELETE); servers accept POST. */
  endSession: { path: '/auth/v1/mfa/token/expire', request: EndSessionRequest, reply: StatusResponse },
} as const;

export type Endpoints = typeof ENDPOINTS;
export type EndpointName = keyof Endpoints;

/** One method per endpoint of ENDPOINTS: the request as its schema takes it, the reply as its schema gives it. */
export type CapillaryApi = {
  [K in EndpointName]: (request: z.input<Endpoints[K]['request']>) => Promise<z.output<Endpoints[K]['reply']>>;
};
