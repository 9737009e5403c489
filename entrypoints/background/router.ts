// The background's single onMessage listener: sender first, then the envelope and request schemas,
// then the handler. Every answer is a reply value; nothing throws across the boundary.
import { Envelope, type MessageType, protocol, Rejection, type ReplyOf, type RequestOf } from '@/lib/messaging/protocol';
import { log } from '@/lib/platform/log';
import { refuseSender, type SenderLike } from './sender';

/** A handler answers with its reply, or refuses with a reason the page shows. */
export type Handlers = { [T in MessageType]: (request: RequestOf<T>) => Promise<ReplyOf<T> | Rejection> };

export function createRouter(handlers: Handlers, self: () => { id: string; baseUrl: string }) {
  async function route(message: unknown, sender: SenderLike): Promise<ReplyOf<MessageType> | Rejection> {
    const refused = refuseSender(sender, self());
    if (refused) return { rejected: refused };
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return { rejected: 'unknown-message' };
    const type = envelope.data.type;
    const request = protocol[type].request.safeParse(envelope.data.request);
    if (!request.success) return { rejected: 'bad-request' };
    const handler = handlers[type] as (request: unknown) => Promise<unknown>;
    const reply = await handler(request.data);
    const refusal = Rejection.safeParse(reply);
    return refusal.success ? refusal.data : protocol[type].reply.parse(reply);
  }

  // `return true` + sendResponse: Chrome before ~147 drops a Promise-returning listener's reply.
  return (message: unknown, sender: SenderLike, sendResponse: (reply: unknown) => void): true => {
    route(message, sender).then(sendResponse, (error: unknown) => {
      log.error('a message handler failed', error);
      sendResponse({ rejected: 'background-failed' } satisfies Rejection);
    });
    return true;
  };
}
