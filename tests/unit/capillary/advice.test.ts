import { describe, expect, it } from 'vitest';
import { adviseOn } from '@/lib/words/advice';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// Every code of ../shared/capillary-api/REFERENCE.md's status-code table, ranges spelt out.
const REFERENCE_CODES = [
  1502,
  1503,
  1504,
  1505,
  1506,
  1507,
  1508,
  1509,
  1515,
  1518,
  1519,
  ...range(1520, 1532),
  1534,
  1535,
  1537,
  1540,
  1541,
  1546,
  1597,
  ...range(1601, 1603),
  3005,
];
const capillary = (code: number, message = 'As Capillary says it') => ({ kind: 'capillary', httpStatus: 400, code, message }) as const;

describe('the playbook', () => {
  it.each(REFERENCE_CODES)('gives code %i its code and message verbatim, what happened and a next step', (code) => {
    const advice = adviseOn(capillary(code));
    expect(advice.summary).toBe(`${code} As Capillary says it`);
    expect(advice.happened).toBeTruthy();
    expect(advice.nextStep).toBeTruthy();
    expect(advice.happened).not.toContain('no playbook');
  });

  it.each([
    [1505, true],
    [1518, true],
    [1597, true],
    [1529, true],
    [1506, false],
    [1509, false],
    [1503, false],
  ])('offers "Start a new session" for %i: %s', (code, offered) => {
    expect(Boolean(adviseOn(capillary(code)).startOver)).toBe(offered);
  });

  it('says which attempt of 5 a wrong code was', () => {
    expect(adviseOn(capillary(1506), { attempt: 3 }).happened).toBe('Wrong code: attempt 3 of 5 for this OTP.');
    expect(adviseOn(capillary(1506)).happened).toContain('limited to 5');
  });

  it.each([
    [1505, 'start a new session'],
    [1518, 'a new session, then a new OTP'],
    [1597, 'new MFA session'],
    [1534, 'OTP window'],
    [1515, 'updateIdentifierValue'],
    [1601, 'fallbackChannel=SMS'],
  ])('names the right next step for %i', (code, words) => {
    expect(adviseOn(capillary(code)).nextStep?.toLowerCase()).toContain(words.toLowerCase());
  });

  it('shows a code it does not know verbatim, with what to escalate and with which details', () => {
    const advice = adviseOn(capillary(9999, 'Strange <b>thing</b>'));
    expect(advice.summary).toBe('9999 Strange <b>thing</b>');
    expect(advice.happened).toContain('no playbook');
    expect(advice.nextStep).toMatch(/Escalate.*code and message.*cluster.*brand.*time \(UTC\)/);
    expect(advice.nextStep).toContain('Never include the OTP or a token');
    expect(advice.startOver).toBeUndefined();
  });

  it.each([
    [{ kind: 'http', httpStatus: 502 }, 'HTTP 502'],
    [{ kind: 'http', httpStatus: 404 }, 'HTTP 404'],
    [{ kind: 'timeout', afterMs: 10_000 }, 'timed out'],
    [{ kind: 'network', detail: 'Failed to fetch' }, 'Network error'],
    [{ kind: 'bad-response', httpStatus: 200, problem: 'auth.key: missing', body: '{}' }, 'does not match'],
    [{ kind: 'interrupted' }, 'interrupted'],
    [{ kind: 'rate-limited', retryAfterSeconds: 120 }, 'Capillary is limiting OTPs for this customer or brand'],
    [{ kind: 'invalid-request', fields: { firstFactorOtp: 'Send one first.' } }, 'Not sent: Send one first.'],
  ] as const)('explains %j', (error, words) => {
    expect(adviseOn(error).summary).toContain(words);
  });

  it('says how long to wait when Capillary’s rate limit says, and to wait a few minutes when it does not', () => {
    expect(adviseOn({ kind: 'rate-limited', retryAfterSeconds: 120 }).nextStep).toContain('Wait 120 s (Capillary’s Retry-After)');
    expect(adviseOn({ kind: 'rate-limited' }).nextStep).toContain('Wait a few minutes');
  });
});
