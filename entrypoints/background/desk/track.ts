// One step of the chain, recorded: the in-flight record and an "interrupted" history line first (so a worker stopped
// mid-call leaves both), then the call, then the outcome, session, history and form. And `once`: identical requests
// already on their way are joined, so a double click never sends twice.

import type { Rejection } from '@/lib/messaging/protocol';
import { CapillaryApiError, type DeskError } from '@/lib/model/capillary/errors';
import { draftAfter } from '@/lib/model/desk/draft';
import type { Action, Outcome } from '@/lib/model/desk/outcome';
import { recordInHistory, recordInSession, type Who } from '@/lib/model/desk/record';
import type { HistoryEntry } from '@/lib/model/desk/session';
import { subjectOf } from '@/lib/model/desk/subject';
import { log } from '@/lib/platform/log';
import type { CustomerStore } from '@/lib/platform/storage/customer-store';
import { historyItem } from '@/lib/platform/storage/items';
import { serial } from '@/lib/platform/storage/serial';

/** What a call learns on its way, for the outcome: the session it opened, the attempt it was. */
export type Facts = { sessionId?: string; attempt?: number };

export interface TrackDeps {
  /** Whether the browser lets the extension reach the base URL's host. */
  mayReach(baseUrl: string): Promise<boolean>;
  now(): number;
}

export function createTracker({ mayReach, now }: TrackDeps) {
  const pending = new Map<string, Promise<Outcome | Rejection>>();
  // Calls for several customers may end together: the history takes one change at a time.
  const inHistory = serial();
  const recordHistory = (change: (history: HistoryEntry[]) => HistoryEntry[]) =>
    inHistory(async () => historyItem.set(change(await historyItem.get())));

  function once<T extends Outcome | Rejection>(store: CustomerStore, action: Action, request: object, run: () => Promise<T>): Promise<T> {
    const id = `${store.id}:${action}:${JSON.stringify(request)}`;
    const existing = pending.get(id);
    if (existing) return existing as Promise<T>;
    const call = run().finally(() => pending.delete(id));
    pending.set(id, call);
    return call;
  }

  async function track(
    store: CustomerStore,
    action: Action,
    who: Who,
    apiBaseUrl: string,
    call: (facts: Facts) => Promise<unknown>,
  ): Promise<Outcome> {
    const subject = subjectOf(who);
    const startedAt = now();
    const interrupted: Outcome = { action, subject, finishedAt: startedAt, result: { ok: false, error: { kind: 'interrupted' } } };
    // The browser is asked whether the host may be reached beside these writes; its answer, or its failure, is taken
    // inside the call's try below.
    const reachable = mayReach(apiBaseUrl);
    reachable.catch(() => undefined);
    await Promise.all([
      store.patch({ activity: { inflight: { action, subject, startedAt }, outcome: null }, lastActiveAt: startedAt }),
      recordHistory((history) => recordInHistory(history, interrupted, apiBaseUrl)),
    ]);
    const facts: Facts = {};
    let result: Outcome['result'];
    try {
      if (!(await reachable)) throw new CapillaryApiError({ kind: 'no-permission', origin: new URL(apiBaseUrl).origin });
      await call(facts);
      result = facts.sessionId ? { ok: true, sessionId: facts.sessionId } : { ok: true };
    } catch (error) {
      result = { ok: false, error: toDeskError(error) };
    }
    let outcome: Outcome = { action, subject, finishedAt: now(), result };
    const reading = store.form.get();
    // The session and the outcome change in one write, the session as it is by then (another call may have ended).
    const written = store.update((record) => {
      const session = recordInSession(record.session, who, outcome, apiBaseUrl);
      const attempt = action === 'validateOtp' ? session?.events.at(-1)?.attempt : facts.attempt;
      if (attempt) outcome = { ...outcome, attempt };
      return { ...record, session, activity: { inflight: null, outcome }, lastActiveAt: outcome.finishedAt };
    });
    const after = Promise.all([reading, written]).then(([draft]) => draft);
    const writes = await Promise.allSettled([
      after.then((draft) =>
        recordHistory((history) => recordInHistory(history, outcome, apiBaseUrl, { startedAt, reference: draft?.reference })),
      ),
      after.then((draft) => {
        const nextDraft = draft && draftAfter(draft, outcome);
        if (nextDraft !== draft) return store.form.set(nextDraft);
      }),
    ]);
    const failed = writes.filter((write) => write.status === 'rejected');
    if (failed.length > 0) {
      log.error('A storage write after a call failed', failed[0].reason);
      // The call is over whatever storage says: never leave it "in flight", and show its outcome if storage takes it.
      await store
        .patch({ activity: { inflight: null, outcome } })
        .catch(() => store.patch({ activity: { inflight: null, outcome: null } }));
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
