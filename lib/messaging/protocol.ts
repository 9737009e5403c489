// Every message a page may send the background, with the schema of its request and of its reply.
// The background parses both directions; nothing else is accepted.
import * as z from 'zod/mini';
import { GenerateOtpRequest, ValidateOtpRequest } from '@/lib/capillary/schemas';
import { Outcome } from '@/lib/desk/outcome';

export const protocol = {
  /** Ask Capillary to send the customer an OTP. */
  sendOtp: { request: GenerateOtpRequest, reply: Outcome },
  /** Check the code the customer read out; on success the token and key go to storage.session. */
  validateOtp: { request: ValidateOtpRequest, reply: Outcome },
  /** Empty the action history in storage.local. */
  clearHistory: { request: z.object({}), reply: z.object({ cleared: z.literal(true) }) },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<Protocol[T]['reply']>;

/** The background's answer to a message it would not handle. */
export const Rejection = z.object({ rejected: z.string() });
export type Rejection = z.infer<typeof Rejection>;

export const Envelope = z.object({ type: z.enum(Object.keys(protocol) as [MessageType, ...MessageType[]]), request: z.unknown() });
