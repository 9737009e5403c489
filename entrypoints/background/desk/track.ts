// One step of the chain, recorded: the in-flight record and an "interrupted" history line first (so a worker stopped
// mid-call leaves both), then the call, then the outcome, session, history and form. And `once`: identical requests
// already on their way are joined, so a double click never sends twice.

import type { Rejection } from '@/lib/messaging/protocol';
import { CapillaryApiError, type DeskError } from '@/lib/model/capillary/errors';
import { draftAfter } from '@/lib/model/desk/draft';
import type { Action, Outcome } from '@/lib/model/desk/outcome';
import { recordInHistory, recordInSession, type Who } from '@/lib/model/desk/record';
import { subjectOf } from '@/lib/model/desk/subject';
import { log } from '@/lib/platform/log';
import type { CustomerStore } from '@/lib/platform/storage/customer-store';
import { historyItem } from '@/lib/platform/storage/items';

/** What a call learns on its way, for the outcome: the session it opened, the attempt it was. */
export type Facts = { sessionId?: string; attempt?: number };

export interface TrackDeps {
  store: CustomerStore;
  /** Whether the browser lets the extension reach the base URL's host. */
  mayReach(baseUrl: string): Promise<boolean>;
  now(): number;
}

export function createTracker({ store, mayReach, now }: TrackDeps) {
  const pending = new Map<string, Promise<Outcome | Rejection>>();

  function once<T extends Outcome | Rejection>(action: Action, request: object, run: () => Promise<T>): Promise<T> {
    const id = `${action}:${JSON.stringify(request)}`;
    const existing = pending.get(id);
    if (existing) return existing as Promise<T>;
    const call = run().finally(() => pending.delete(id));
    pending.set(id, call);
    return call;
  }

  async function track(action: Action, who: Who, apiBaseUrl: string, call: (facts: Facts) => Promise<unknown>): Promise<Outcome> {
    const subject = subjectOf(who);
    const startedAt = now();
    const interrupted: Outcome = { action, subject, finishedAt: startedAt, result: { ok: false, error: { kind: 'interrupted' } } };
    await Promise.all([
      store.activity.set({ inflight: { action, subject, startedAt }, outcome: null }),
      historyItem.get().then((history) => historyItem.set(recordInHistory(history, interrupted, apiBaseUrl))),
    ]);
    const facts: Facts = {};
    let result: Outcome['result'];
    try {
      if (!(await mayReach(apiBaseUrl))) throw new CapillaryApiError({ kind: 'no-permission', origin: new URL(apiBaseUrl).origin });
      await call(facts);
      result = facts.sessionId ? { ok: true, sessionId: facts.sessionId } : { ok: true };
    } catch (error) {
      result = { ok: false, error: toDeskError(error) };
    }
    let outcome: Outcome = { action, subject, finishedAt: now(), result };
    const [session, history, draft] = await Promise.all([store.session.get(), historyItem.get(), store.form.get()]);
    const nextSession = recordInSession(session, who, outcome, apiBaseUrl);
    const attempt = action === 'validateOtp' ? nextSession?.events.at(-1)?.attempt : facts.attempt;
    if (attempt) outcome = { ...outcome, attempt };
    const nextDraft = draft && draftAfter(draft, outcome);
    const writes = await Promise.allSettled([
      store.activity.set({ inflight: null, outcome }),
      store.session.set(nextSession),
      historyItem.set(recordInHistory(history, outcome, apiBaseUrl, startedAt)),
      nextDraft !== draft && store.form.set(nextDraft),
    ]);
    const failed = writes.filter((write) => write.status === 'rejected');
    if (failed.length > 0) {
      log.error('A storage write after a call failed', failed[0].reason);
      // The call is over whatever storage says: never leave it "in flight", and show its outcome if storage takes it.
      await store.activity.set({ inflight: null, outcome }).catch(() => store.activity.set({ inflight: null, outcome: null }));
    }
    return outcome;
  }

  return { once, track };
}

export type Tracker = ReturnType<typeof createTracker>;

function toDeskError(error: unknown): DeskError {
  if (error instanceof CapillaryApiError) return error.detail;
  return { kind: 'internal', name: error instanceof Error ? error.name : 'unknown' };
}
