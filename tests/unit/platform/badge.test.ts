import { describe, expect, it } from 'vitest';
import type { MfaSession } from '@/lib/desk/session';
import { activeUntil } from '@/lib/platform/badge';

const session = { beganAt: 1_000_000 } as MfaSession;

describe('the session badge', () => {
  it('is on for the session’s 15 minutes, for as long as a token is held, and off otherwise', () => {
    expect(activeUntil(session, false, 1_000_000 + 60_000)).toBe(1_000_000 + 15 * 60_000);
    expect(activeUntil(session, false, 1_000_000 + 15 * 60_000)).toBeNull();
    expect(activeUntil(null, true, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(activeUntil(null, false, 5)).toBeNull();
  });
});
