import { describe, expect, it, vi } from 'vitest';
import { forLog, log } from '@/lib/log';
import { SEED_TOKEN } from '../fixtures/capillary';

describe('the logger', () => {
  it('redacts everything secret or personal a line could be fed', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = new Error(`validate failed for 18767431754 with {"otp":"482913"} and ${SEED_TOKEN}`);
    log.error('call failed', error, { accessToken: 'opaque-value', email: 'jonathan@x.example', key: 'k-1' }, 'otp=123456');
    const line = vi.mocked(console.error).mock.calls[0][0] as string;
    expect(line.startsWith('MFA Desk: call failed Error: validate failed for [digits]')).toBe(true);
    for (const secret of ['18767431754', '482913', SEED_TOKEN.slice(0, 30), 'opaque-value', 'jonathan', 'k-1', '123456']) {
      expect(line).not.toContain(secret);
    }
  });

  it('logs what cannot be turned into JSON without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(forLog(cyclic)).toBe('[object Object]');
    expect(forLog(undefined)).toBe('undefined');
  });
});
