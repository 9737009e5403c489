// How a page asks the background for something. The reply is parsed too: a page trusts nothing it did not check.
import { browser } from 'wxt/browser';
import { type MessageType, protocol, Rejection, type ReplyOf, type RequestOf } from './protocol';

export async function ask<T extends MessageType>(type: T, request: RequestOf<T>): Promise<ReplyOf<T> | Rejection> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type, request });
  } catch {
    return { rejected: 'no-answer' };
  }
  const reply = protocol[type].reply.safeParse(raw);
  if (reply.success) return reply.data as ReplyOf<T>;
  const rejection = Rejection.safeParse(raw);
  return rejection.success ? rejection.data : { rejected: 'bad-reply' };
}
