// The popup's calls to the background, per customer: each is checked with the message's own schema, asked for the
// customer on screen when it was made, and its answer kept for that customer, whichever is on screen when it comes.
import { useState } from 'preact/hooks';
import { loadOnce } from '@/components/common/load-once';
import type { Rejection } from '@/lib/messaging/protocol';
import { type ActivityView, viewActivity } from '@/lib/model/desk/activity-view';
import type { Action, Activity, Outcome } from '@/lib/model/desk/outcome';
import type { Draft } from '@/lib/model/desk/stored';
import type { PopupClient } from './client';

// The message schemas are needed only once the agent clicks: they load after the form is on screen.
export const loadProtocol = loadOnce(() => import('@/lib/messaging/protocol'));
export type CallAction = Exclude<Action, 'refreshToken' | 'autoEndSession'> | 'closeCustomer';

type Hooks = {
  /** A call leaves (field errors go), or its fields were refused (each error named after the form's field). */
  onFields(fields: Record<string, string>): void;
  /** The answer to a call made here, for the customer it was made for, with the form it left with. */
  onReply(customerId: string, sent: Draft, outcome: Outcome): void;
};

export function useCalls(client: PopupClient, { onFields, onReply }: Hooks) {
  // The reply to this popup's own request, per customer; storage carries the same outcome, and the newer is shown.
  const [replies, setReplies] = useState<Record<string, Outcome>>({});
  const [asking, setAsking] = useState<Record<string, boolean>>({});
  const askingFor = (id: string, on: boolean) => setAsking((current) => ({ ...current, [id]: on }));

  async function call(id: string, who: Draft, action: CallAction, request: object, fieldOf: Record<string, string> = {}) {
    if (asking[id]) return;
    const { checkRequest, rejectionOutcome } = await loadProtocol();
    const checked = checkRequest(action, { ...request, customerId: id });
    if (!checked.ok) {
      return onFields(Object.fromEntries(Object.entries(checked.fields).map(([field, message]) => [fieldOf[field] ?? field, message])));
    }
    // The request leaves first; the page draws itself busy while it is on its way, not in front of it.
    const answering = client.ask(action, checked.request);
    askingFor(id, true);
    onFields({});
    const answer = (await answering) as Outcome | Rejection | { closed: true };
    askingFor(id, false);
    if ('closed' in answer) return;
    const outcome =
      'rejected' in answer ? rejectionOutcome(action === 'closeCustomer' ? 'endSession' : action, who, answer.rejected) : answer;
    setReplies((current) => ({ ...current, [id]: outcome }));
    onReply(id, who, outcome);
  }

  /** What is shown for a customer: the newer of the reply to this popup's request and the activity in storage. */
  function viewOf(id: string, activity: Activity, now: number): ActivityView {
    const stored = viewActivity(activity, now);
    const reply = replies[id];
    // Storage may still hold the call in flight when its reply is here: the reply is its end.
    const newer =
      reply &&
      (stored.state === 'idle' ||
        (stored.state === 'busy' ? stored.inflight.startedAt <= reply.finishedAt : stored.outcome.finishedAt < reply.finishedAt));
    return newer ? { state: 'done', outcome: reply } : stored;
  }

  /** Forgets the reply shown for a customer ("Start a new session"). */
  const forget = (id: string) => setReplies(({ [id]: _dropped, ...others }) => others);

  return { asking, call, viewOf, forget };
}
