// What the background tells the pages about a call: in a reply and, for calls it made, in storage.session.
import * as z from 'zod/mini';
import { DeskError } from '@/lib/model/capillary/errors';
import { IDENTIFIER_TYPES } from '@/lib/model/capillary/identifier';

export const Action = z.enum([
  'sendFirstFactorOtp',
  'verifyFirstFactor',
  'startMfaSession',
  'sendOtp',
  'validateOtp',
  'refreshToken',
  'endSession',
  /** End session by the desk itself, after the idle time Settings give. */
  'autoEndSession',
]);
export type Action = z.infer<typeof Action>;

/** Who a call was for, with the identifier already masked: safe to show and to keep. */
export const Subject = z.object({
  identifierType: z.enum(IDENTIFIER_TYPES),
  maskedIdentifier: z.string(),
  brand: z.string(),
});
export type Subject = z.infer<typeof Subject>;

export const Outcome = z.object({
  action: Action,
  subject: Subject,
  finishedAt: z.number(),
  result: z.discriminatedUnion('ok', [
    // A session start gives the MFA session ID that goes into the form's Session ID.
    z.object({ ok: z.literal(true), sessionId: z.optional(z.string()) }),
    z.object({ ok: z.literal(false), error: DeskError }),
  ]),
  /** For a validate (MFA or first factor): which attempt it was since the last OTP sent. */
  attempt: z.optional(z.number()),
});
export type Outcome = z.infer<typeof Outcome>;

export const Inflight = z.object({ action: Action, subject: Subject, startedAt: z.number() });
export type Inflight = z.infer<typeof Inflight>;

export const Activity = z.object({ inflight: z.nullable(Inflight), outcome: z.nullable(Outcome) });
export type Activity = z.infer<typeof Activity>;
