// One step of the chain, recorded: the in-flight record and an "interrupted" history line as the request leaves (so a
// worker stopped mid-call leaves both), then the outcome and session, the form, the history's line. The call waits on
// storage only for what it must know (is the customer still on the desk, which attempt was this), not for writes to
// land: the reply is the agent's, storage follows in order. And `once`: identical requests already on their way are
// joined, so a double click never sends twice.

import type { Rejection } from '@/lib/messaging/protocol';
import { CapillaryApiError, type DeskError } from '@/lib/model/capillary/errors';
import { sessionIsFor } from '@/lib/model/desk/customer';
import { draftAfterCall } from '@/lib/model/desk/draft';
import type { Action, Outcome } from '@/lib/model/desk/outcome';
import { recordInHistory, recordInSession, type Who } from '@/lib/model/desk/record';
import type { HistoryEntry, MfaSession } from '@/lib/model/desk/session';
import type { CustomerRecord, Draft } from '@/lib/model/desk/stored';
import { subjectOf } from '@/lib/model/desk/subject';
import { log } from '@/lib/platform/log';
import type { CustomerStore } from '@/lib/platform/storage/customer-store';
import { historyItem } from '@/lib/platform/storage/items';
import { serial } from '@/lib/platform/storage/serial';
import { t } from '@/lib/words/t';

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
  ): Promise<Outcome | Rejection> {
    const subject = subjectOf(who);
    const startedAt = now();
    const interrupted: Outcome = { action, subject, finishedAt: startedAt, result: { ok: false, error: { kind: 'interrupted' } } };
    // The browser is asked whether the host may be reached beside the first write; its answer, or its failure, is
    // taken inside the call's try below.
    const reachable = mayReach(apiBaseUrl);
    reachable.catch(() => undefined);
    // The form as the call leaves, read beside it: after the call only the fields the agent left alone change.
    const sent = store.form.get();
    sent.catch(() => undefined);
    // The record says "in flight" before the request leaves, and its read finds the customer still on the desk, and
    // whether the Session ID is another customer's (then nothing is sent, nor recorded).
    let refused: DeskError | null = null;
    const leaving = updating(store, (record) => {
      refused = sessionOfAnother(record.session, who);
      if (refused) return record;
      return { ...record, activity: { inflight: { action, subject, startedAt }, outcome: null }, lastActiveAt: startedAt };
    });
    if (!(await leaving.changed)) return { rejected: 'unknown-customer' };
    if (refused) return { action, subject, finishedAt: now(), result: { ok: false, error: refused } };
    // Its write, and the "interrupted" history line, are on their way beside the call: each store takes its changes
    // one at a time, in order, so the outcome's own writes land after them.
    leaving.written.catch((error) => log.error('A call could not be recorded as it left', error));
    recordHistory((history) => recordInHistory(history, interrupted, apiBaseUrl)).catch((error) =>
      log.error('The history could not take a call as it left', error),
    );
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
    // The session and the outcome change in one write, the session as it is by then (another call may have ended).
    const ended = updating(store, (record) => {
      const session = recordInSession(record.session, who, outcome, apiBaseUrl);
      const attempt = action === 'validateOtp' ? session?.events.at(-1)?.attempt : facts.attempt;
      if (attempt) outcome = { ...outcome, attempt };
      return { ...record, session, activity: { inflight: null, outcome }, lastActiveAt: outcome.finishedAt };
    });
    // The reply waits only for the outcome (the attempt comes from the record); the form and the history follow.
    await ended.changed.catch(() => undefined);
    follow({ store, written: ended.written, sent, outcome, apiBaseUrl, startedAt });
    return outcome;
  }

  // What follows each reply (the form, the history's line), until it has landed.
  const following = new Set<Promise<void>>();
  /** Every call's writes landed: before a customer's places are emptied, or the extension reloads. */
  const settled = async () => {
    await Promise.all(following);
  };

  function follow(call: Ended) {
    const work = afterCall(call).finally(() => following.delete(work));
    following.add(work);
  }

  /** What follows a call's reply: the form as the outcome leaves it, and the history's line. */
  async function afterCall({ store, written, sent, outcome, apiBaseUrl, startedAt }: Ended) {
    try {
      await written;
      const [draft, left] = await Promise.all([store.form.get(), sent]);
      const nextDraft = draft && left ? draftAfterCall(draft, left, outcome) : draft;
      await Promise.all([
        recordHistory((history) => recordInHistory(history, outcome, apiBaseUrl, { startedAt, reference: draft?.reference })).catch(
          (error) => log.error("The history could not take a call's outcome", error),
        ),
        nextDraft !== draft && store.form.set(nextDraft),
      ]);
    } catch (error) {
      log.error('A storage write after a call failed', error);
      // The call is over whatever storage says: never leave it "in flight", and show its outcome if storage takes it.
      await store
        .patch({ activity: { inflight: null, outcome } })
        .catch(() => store.patch({ activity: { inflight: null, outcome: null } }))
        .catch(() => undefined);
    }
  }

  return { once, track, settled };
}

export type Tracker = ReturnType<typeof createTracker>;

/** A call that has replied, for what follows: its record's write, the form it left with, its outcome. */
type Ended = {
  store: CustomerStore;
  written: Promise<unknown>;
  sent: Promise<Draft | null>;
  outcome: Outcome;
  apiBaseUrl: string;
  startedAt: number;
};

/**
 * A record change whose result is known as soon as the change has run on what was read (`changed`: null when the
 * customer is no longer on the desk), before its write has landed (`written`).
 */
function updating(store: CustomerStore, change: (record: CustomerRecord) => CustomerRecord) {
  let written!: Promise<CustomerRecord | null>;
  const changed = new Promise<CustomerRecord | null>((resolve, reject) => {
    written = store.update((record) => {
      const next = change(record);
      resolve(next);
      return next;
    });
    written.then((record) => record ?? resolve(null), reject);
  });
  return { changed, written };
}

/**
 * A request that carries the Session ID of the session on record for another customer (identifier, type, brand or
 * device): Capillary would refuse it (1541) or, worse, take it; it is refused before it leaves, on the Session ID.
 */
function sessionOfAnother(session: MfaSession | null, who: Who): DeskError | null {
  if (!session || !who.sessionId || who.sessionId.trim() !== session.sessionId || sessionIsFor(session, who)) return null;
  return { kind: 'invalid-request', fields: { sessionId: t('sessionOfAnother', `${session.maskedIdentifier} · ${session.brand}`) } };
}

function toDeskError(error: unknown): DeskError {
  if (error instanceof CapillaryApiError) return error.detail;
  return { kind: 'internal', name: error instanceof Error ? error.name : 'unknown' };
}
