import { describe, expect, it } from 'vitest';
import { INTERRUPTED_AFTER_MS, viewActivity } from '@/lib/model/desk/activity-view';
import type { Outcome } from '@/lib/model/desk/outcome';

const subject = { identifierType: 'MOBILE', maskedIdentifier: '••••1754', brand: 'Bukl' } as const;
const inflight = { action: 'sendOtp', subject, startedAt: 1000 } as const;
const outcome: Outcome = { action: 'sendOtp', subject, finishedAt: 900, result: { ok: true } };

describe('what the popup shows of the background’s activity', () => {
  it('shows nothing before the first call', () => {
    expect(viewActivity({ inflight: null, outcome: null }, 0)).toEqual({ state: 'idle' });
  });

  it('shows a call under way as busy', () => {
    expect(viewActivity({ inflight, outcome: null }, 1000 + INTERRUPTED_AFTER_MS - 1).state).toBe('busy');
  });

  it('shows a call that can no longer be running as interrupted', () => {
    const view = viewActivity({ inflight, outcome: null }, 1000 + INTERRUPTED_AFTER_MS);
    expect(view).toMatchObject({ state: 'done', outcome: { result: { ok: false, error: { kind: 'interrupted' } } } });
  });

  it('shows the last outcome', () => {
    expect(viewActivity({ inflight: null, outcome }, 5000)).toEqual({ state: 'done', outcome });
  });
});
