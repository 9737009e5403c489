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
import { CUSTOMER_ID } from '@/lib/model/desk/desk-keys';
import { type Action, Outcome } from '@/lib/model/desk/outcome';
import { REJECTIONS, type RejectionCode } from '@/lib/model/desk/rejection';
import { subjectOf } from '@/lib/model/desk/subject';

/** The background's answer to a message it would not handle. */
export const Rejection = z.object({ rejected: z.enum(REJECTIONS) });
export type Rejection = z.infer<typeof Rejection>;

const nothing = z.object({});

/** Which customer on the desk a message is about (lib/model/desk/desk-keys.ts). */
const CustomerId = z.string().check(z.regex(CUSTOMER_ID));
const forCustomer = <T extends z.ZodMiniObject>(schema: T) => z.extend(schema, { customerId: CustomerId });
const customerOnly = z.object({ customerId: CustomerId });

export const protocol = {
  /** First factor: open a first-factor session and have Capillary send the customer its OTP. */
  sendFirstFactorOtp: { request: forCustomer(Customer), reply: Outcome },
  /** First factor: check the code the customer read out, then open the MFA session with the token it gave. */
  verifyFirstFactor: { request: forCustomer(withCustomer({ otp: otpField() })), reply: Outcome },
  /** Open an MFA session with the customer's authorized (USER) token, or the verified first factor's when none is given. */
  startMfaSession: { request: forCustomer(withCustomer({ authorizedToken: z.optional(authorizedTokenField()) })), reply: Outcome },
  /** Ask Capillary to send the customer an OTP. */
  sendOtp: { request: forCustomer(GenerateOtpRequest), reply: Outcome },
  /** Check the code the customer read out; on success the token and key go to the customer's record. */
  validateOtp: { request: forCustomer(ValidateOtpRequest), reply: Outcome },
  /** A new token for the customer's key. */
  refreshToken: { request: customerOnly, reply: Outcome },
  /** Expire the customer's token at its cluster; token and key are forgotten, the session kept as ended. */
  endSession: { request: customerOnly, reply: Outcome },
  /** Empty the customer's Session ID and codes, forget its first factor: the session-start step comes back. */
  startOver: { request: customerOnly, reply: z.object({ done: z.literal(true) }) },
  /** A new customer on the desk (from the context menu: with the identifier selected on a page), chosen on screen. */
  newCustomer: {
    request: z.object({
      identifierType: z.optional(z.enum(['MOBILE', 'EMAIL'])),
      identifierValue: z.optional(z.string().check(z.maxLength(256))),
    }),
    reply: z.object({ customerId: CustomerId }),
  },
  /** Close a customer; a token it holds is expired first (the failed End session's outcome when that fails). */
  closeCustomer: { request: customerOnly, reply: z.union([z.object({ closed: z.literal(true) }), Outcome]) },
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
