import { describe, expect, it } from 'vitest';
import { adviseOn } from '@/lib/capillary/advice';

// The codes that ../shared/capillary-api/REFERENCE.md's table gives "what an agent should do" for.
const codesWithAdvice = [1502, 1503, 1505, 1506, 1507, 1508, 1509, 1515, 1518, 1519, 1534, 1535, 1537, 1601, 1602, 1603, 3005];

describe('what an agent reads when a call fails', () => {
  it.each(codesWithAdvice)('gives code %i a next step', (code) => {
    const advice = adviseOn({ kind: 'capillary', httpStatus: 400, code, message: 'msg' });
    expect(advice.summary).toBe(`${code} msg`);
    expect(advice.nextStep).toBeTruthy();
  });

  it.each([
    [{ kind: 'http', httpStatus: 502 }, 'HTTP 502'],
    [{ kind: 'http', httpStatus: 404 }, 'HTTP 404'],
    [{ kind: 'timeout', afterMs: 10_000 }, 'timed out'],
    [{ kind: 'network', detail: 'Failed to fetch' }, 'Network error'],
    [{ kind: 'bad-response', httpStatus: 200, problem: 'auth.key: missing', body: '{}' }, 'does not match'],
    [{ kind: 'interrupted' }, 'interrupted'],
  ] as const)('explains %j', (error, words) => {
    expect(adviseOn(error).summary).toContain(words);
  });

  it('still reports a code it has no advice for', () => {
    expect(adviseOn({ kind: 'capillary', httpStatus: 400, code: 9999, message: 'Strange' })).toEqual({
      summary: '9999 Strange',
      nextStep: undefined,
    });
  });
});
