import { describe, expect, it, vi } from 'vitest';
import { CapillaryApiError } from '@/lib/model/capillary/errors';
import { errorKind, log, redactLine } from '@/lib/platform/log';
import { SEED_TOKEN } from '../fixtures/capillary';

describe('the logger', () => {
  it('says of an error only its kind, never its message', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    log.error('call failed', new Error(`validate failed for 18767431754 with {"otp":"482913"} and ${SEED_TOKEN}`));
    expect(vi.mocked(console.error).mock.calls[0][0]).toBe('MFA Desk: call failed (Error)');
  });

  it.each([
    [new CapillaryApiError({ kind: 'timeout', afterMs: 10_000 }), 'timeout'],
    [new TypeError('Failed to fetch https://x.example/?otp=1'), 'TypeError'],
    [{ detail: { kind: 42 } }, 'object'],
    ['QUOTA_BYTES quota exceeded for 18767431754', 'string'],
    [null, 'object'],
  ])('names %j by its kind: %s', (error, kind) => {
    expect(errorKind(error)).toBe(kind);
  });

  it('redacts a whole line, JWTs before digit runs, so that no part of a token is left', () => {
    // A JWT whose parts hold digit runs: blanking the digits first would break it up and leave its tail.
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOiIxMjM0NTY3ODkwIn0.abc123456789def';
    const line = redactLine(`token ${token} for 18767431754, jonathan@x.example, {"accessToken":"opaque-value"}, otp=123456`);
    expect(line).toBe('token [redacted JWT] for [digits], [email], {"accessToken":"[redacted]"}, otp=[redacted]');
  });

  it('cuts a line at 1,000 characters', () => {
    expect(redactLine('x'.repeat(1500))).toHaveLength(1001);
  });
});
