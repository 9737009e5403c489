// Every way a call can fail, as plain data: it crosses the message boundary and is stored in storage.session.
import * as z from 'zod/mini';
import { REJECTIONS } from '@/lib/model/desk/rejection';

export const DeskError = z.discriminatedUnion('kind', [
  /** Capillary answered with its own status: success false, or an error HTTP status with a status body. */
  z.object({ kind: z.literal('capillary'), httpStatus: z.number(), code: z.number(), message: z.string() }),
  /** An error HTTP status whose body is not Capillary's (HTML, empty, not JSON). */
  z.object({ kind: z.literal('http'), httpStatus: z.number() }),
  /** HTTP 429: Capillary is limiting OTPs for this customer or brand; `retryAfterSeconds` when Retry-After says. */
  z.object({ kind: z.literal('rate-limited'), retryAfterSeconds: z.optional(z.number()) }),
  z.object({ kind: z.literal('timeout'), afterMs: z.number() }),
  /** Refused connection, DNS failure, offline, or a host the extension may not reach. */
  z.object({ kind: z.literal('network'), detail: z.string(), offline: z.optional(z.literal(true)) }),
  /** A 2xx reply that does not match the contract (`problem` empty: not JSON at all): shown to the agent, never trusted. */
  z.object({ kind: z.literal('bad-response'), httpStatus: z.number(), problem: z.string(), body: z.string() }),
  /**
   * The API answered with a redirect, which is never followed: the body (identifier, OTP) would go to another host.
   * `location` is where it pointed (origin and path), empty when the browser does not say (status 0: an opaque redirect)
   * or it is not a URL.
   */
  z.object({ kind: z.literal('redirect'), httpStatus: z.number(), location: z.string() }),
  /** The reply was longer than any of Capillary's: reading it was stopped at `limitBytes`. */
  z.object({ kind: z.literal('too-large'), limitBytes: z.number() }),
  /** The browser does not let the extension reach this cluster's host (never granted, or revoked by the user). */
  z.object({ kind: z.literal('no-permission'), origin: z.string() }),
  /** The request itself did not pass the contract's checks. */
  z.object({ kind: z.literal('invalid-request'), fields: z.record(z.string(), z.string()) }),
  /** A new OTP for this brand and identifier is held back until `until` (epoch ms). */
  z.object({ kind: z.literal('cooldown'), until: z.number() }),
  /** The background refused the message (unknown sender or malformed message). */
  z.object({ kind: z.literal('rejected'), reason: z.enum(REJECTIONS) }),
  /** The worker stopped while the request was in flight; whether Capillary acted on it is unknown. */
  z.object({ kind: z.literal('interrupted') }),
  /** A bug in the extension; only the error's name is kept, since a message could quote a request. */
  z.object({ kind: z.literal('internal'), name: z.string() }),
]);
export type DeskError = z.infer<typeof DeskError>;

export class CapillaryApiError extends Error {
  constructor(readonly detail: DeskError) {
    super(`Capillary call failed: ${detail.kind}`);
    this.name = 'CapillaryApiError';
  }
}
