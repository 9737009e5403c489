// What the popup shows of the activity the background records (outcome.ts): pure, for the popup before it is ready.
import type { Activity, Inflight, Outcome } from './outcome';

/** Longest a call can take (timeout plus reading the body) before an unfinished one counts as interrupted. */
export const INTERRUPTED_AFTER_MS = 15_000;

export type ActivityView = { state: 'idle' } | { state: 'busy'; inflight: Inflight } | { state: 'done'; outcome: Outcome };

/**
 * What the popup shows. An in-flight record older than any call can take means the worker was stopped
 * mid-request (the browser may do that): it is shown as interrupted rather than as busy forever.
 */
export function viewActivity(activity: Activity, now: number): ActivityView {
  const { inflight, outcome } = activity;
  if (inflight) {
    if (now - inflight.startedAt < INTERRUPTED_AFTER_MS) return { state: 'busy', inflight };
    return {
      state: 'done',
      outcome: {
        action: inflight.action,
        subject: inflight.subject,
        finishedAt: inflight.startedAt,
        result: { ok: false, error: { kind: 'interrupted' } },
      },
    };
  }
  return outcome ? { state: 'done', outcome } : { state: 'idle' };
}
