// Every message a page may send the background, with the schema of its request and of its reply.
// The background parses both directions; nothing else is accepted. (Its one message to Chrome's offscreen document
// is in offscreen.ts.)
import * as z from 'zod/mini';
import {
  authorizedTokenField,
  Customer,
  fieldErrors,
  GenerateOtpRequest,
  otpField,
  ValidateOtpRequest,
  withCustomer,
} from '@/lib/capillary/requests';
import { Digest } from '@/lib/model/clipboard';
import { type Action, Outcome } from '@/lib/model/desk/outcome';
import { REJECTIONS, type RejectionCode } from '@/lib/model/desk/rejection';
import { subjectOf } from '@/lib/model/desk/subject';

/** The background's answer to a message it would not handle. */
export const Rejection = z.object({ rejected: z.enum(REJECTIONS) });
export type Rejection = z.infer<typeof Rejection>;

const nothing = z.object({});

export const protocol = {
  /** First factor: open a first-factor session and have Capillary send the customer its OTP. */
  sendFirstFactorOtp: { request: Customer, reply: Outcome },
  /** First factor: check the code the customer read out, then open the MFA session with the token it gave. */
  verifyFirstFactor: { request: withCustomer({ otp: otpField() }), reply: Outcome },
  /** Open an MFA session with the customer's authorized (USER) token, or the verified first factor's when none is given. */
  startMfaSession: { request: withCustomer({ authorizedToken: z.optional(authorizedTokenField()) }), reply: Outcome },
  /** Ask Capillary to send the customer an OTP. */
  sendOtp: { request: GenerateOtpRequest, reply: Outcome },
  /** Check the code the customer read out; on success the token and key go to storage.session. */
  validateOtp: { request: ValidateOtpRequest, reply: Outcome },
  /** A new token for the key held in storage.session. */
  refreshToken: { request: nothing, reply: Outcome },
  /** Expire the token held in storage.session; token, key and MFA session are then forgotten. */
  endSession: { request: nothing, reply: Outcome },
  /** Empty Session ID and the codes, forget the first factor: the session-start step comes back. */
  startOver: { request: nothing, reply: z.object({ done: z.literal(true) }) },
  /** "Install now": apply the update that waits for the session to end, ending it (storage.session is cleared). */
  installUpdate: { request: nothing, reply: z.object({ installing: z.literal(true) }) },
  /** The side panel copied the token: clear the clipboard 60 s later if it still holds it. */
  clipboardCopied: { request: z.object({ digest: Digest }), reply: z.object({ clearAt: z.number() }) },
  /** Empty the action history in storage.local. */
  clearHistory: { request: nothing, reply: z.object({ cleared: z.literal(true) }) },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<Protocol[T]['reply']>;

/** A page's check of a request before it asks: the request as it will be sent, or a message per field. */
export function checkRequest<T extends MessageType>(
  type: T,
  request: unknown,
): { ok: true; request: RequestOf<T> } | { ok: false; fields: Record<string, string> } {
  const parsed = protocol[type].request.safeParse(request);
  return parsed.success ? { ok: true, request: parsed.data as RequestOf<T> } : { ok: false, fields: fieldErrors(parsed.error) };
}

/** A message the background would not handle, shown like any failed call. */
export function rejectionOutcome(action: Action, who: Parameters<typeof subjectOf>[0], reason: RejectionCode): Outcome {
  return { action, subject: subjectOf(who), finishedAt: Date.now(), result: { ok: false, error: { kind: 'rejected', reason } } };
}

export const Envelope = z.object({ type: z.enum(Object.keys(protocol) as [MessageType, ...MessageType[]]), request: z.unknown() });
