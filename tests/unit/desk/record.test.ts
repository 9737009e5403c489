import { describe, expect, it } from 'vitest';
import { draftAfter, draftForNewSession } from '@/lib/model/desk/draft';
import { historyToCsv } from '@/lib/model/desk/history-csv';
import type { Outcome } from '@/lib/model/desk/outcome';
import { recordInHistory, recordInSession } from '@/lib/model/desk/record';
import { MAX_HISTORY, MAX_HISTORY_BYTES } from '@/lib/model/desk/session';
import { SEED_CUSTOMER, SEED_DRAFT, SEED_REQUEST } from '../../fixtures/capillary';

const request = SEED_REQUEST;
const subject = { identifierType: 'MOBILE', maskedIdentifier: '•••••••1754', brand: 'Bukl' } as const;
const EU = 'https://eu.api.capillarytech.com';
const sent = (at: number): Outcome => ({ action: 'sendOtp', subject, finishedAt: at, result: { ok: true } });
const wrong = (at: number): Outcome => ({
  action: 'validateOtp',
  subject,
  finishedAt: at,
  result: { ok: false, error: { kind: 'capillary', httpStatus: 400, code: 1506, message: 'Invalid OTP' } },
});

describe('the session record', () => {
  it('begins with the first call and counts validate attempts since the last OTP sent', () => {
    let session = recordInSession(null, request, sent(1000), EU);
    session = recordInSession(session, request, wrong(2000), EU);
    session = recordInSession(session, request, wrong(3000), EU);
    session = recordInSession(session, request, sent(4000), EU);
    session = recordInSession(session, request, wrong(5000), EU);
    expect(session?.beganAt).toBe(1000);
    expect(session?.maskedIdentifier).toBe('•••••••1754');
    expect(session?.events.map((event) => [event.action, event.code, event.attempt])).toEqual([
      ['sendOtp', 'OK', undefined],
      ['validateOtp', '1506', 1],
      ['validateOtp', '1506', 2],
      ['sendOtp', 'OK', undefined],
      ['validateOtp', '1506', 1],
    ]);
  });

  it.each([
    ['session ID', { sessionId: 'P-2' }],
    ['customer', { identifierValue: '18767431755' }],
    ['customer, whose number ends alike', { identifierValue: '28767431754' }],
    ['device', { deviceId: '9' }],
  ])('starts a new session when the %s changes', (_name, change) => {
    const first = recordInSession(null, request, sent(1000), EU);
    const next = recordInSession(first, { ...request, ...change }, sent(2000), EU);
    expect(next?.beganAt).toBe(2000);
    expect(next?.events).toHaveLength(1);
  });

  it('goes on with a session recorded before the digest was kept, compared by the masked identifier', () => {
    const { identifierDigest: _digest, ...older } = recordInSession(null, request, sent(1000), EU)!;
    expect(recordInSession(older, { ...request, identifierValue: ' 1 876 743 1754' }, sent(2000), EU)?.beganAt).toBe(1000);
  });

  it('keeps no identifier in clear', () => {
    expect(JSON.stringify(recordInSession(null, request, sent(1), EU))).not.toContain('18767431754');
  });
});

describe('the history', () => {
  it('keeps the newest 50 actions, newest first, without secrets', () => {
    let history = recordInHistory([], sent(0), EU);
    for (let at = 1; at < 60; at++) history = recordInHistory(history, wrong(at), EU);
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]).toEqual({
      at: 59,
      cluster: 'EU',
      brand: 'Bukl',
      maskedIdentifier: '•••••••1754',
      action: 'validateOtp',
      code: '1506',
    });
  });

  it('stays under its byte bound however long the brand or cluster, cutting each field', () => {
    const long = { ...sent(0), subject: { ...subject, brand: 'B'.repeat(5000), maskedIdentifier: `j••@${'x'.repeat(5000)}.example` } };
    let history = recordInHistory([], long, `https://${'h'.repeat(200)}.example`);
    for (let at = 1; at < 60; at++) history = recordInHistory(history, { ...long, finishedAt: at }, EU);
    expect(JSON.stringify(history).length).toBeLessThanOrEqual(MAX_HISTORY_BYTES);
    expect(history[0].brand.length).toBeLessThan(130);
    expect(history.length).toBeGreaterThan(10);
  });

  it('replaces the interrupted line written when the call left with its outcome', () => {
    const left: Outcome = { ...sent(100), result: { ok: false, error: { kind: 'interrupted' } } };
    const before = recordInHistory(recordInHistory([], sent(50), EU), left, EU);
    expect(before.map((entry) => entry.code)).toEqual(['interrupted', 'OK']);
    expect(recordInHistory(before, sent(180), EU, { startedAt: 100 }).map((entry) => [entry.at, entry.code])).toEqual([
      [180, 'OK'],
      [50, 'OK'],
    ]);
  });

  it('keeps the ticket reference and how long the call took, in the CSV too', () => {
    const at = Date.UTC(2026, 10, 22, 3, 4, 5);
    const csv = historyToCsv(recordInHistory([], sent(at), EU, { startedAt: at - 250, reference: ' #48213 ' }));
    expect(csv.split('\r\n')[1]).toBe('2026-11-22T03:04:05Z,EU,Bukl,•••••••1754,sendOtp,OK,#48213,250');
  });

  it('exports as CSV with a header row and ISO times', () => {
    const csv = historyToCsv(recordInHistory([], sent(Date.UTC(2026, 10, 22, 3, 4, 5)), EU));
    expect(csv.split('\r\n')).toEqual([
      'time_utc,cluster,brand,customer,action,outcome,reference,duration_ms',
      '2026-11-22T03:04:05Z,EU,Bukl,•••••••1754,sendOtp,OK,,',
      '',
    ]);
  });
});

const done = (action: Outcome['action'], result: Outcome['result'], at = 1000): Outcome => ({ action, subject, finishedAt: at, result });
const capillaryError = (code: number) => ({ ok: false, error: { kind: 'capillary', httpStatus: 400, code, message: 'm' } }) as const;

describe('the session record across the chain', () => {
  it('begins a session when one is started from the desk, with the ID Capillary gave', () => {
    const session = recordInSession(null, SEED_CUSTOMER, done('verifyFirstFactor', { ok: true, sessionId: 'P-9' }), EU);
    expect(session).toMatchObject({ sessionId: 'P-9', beganAt: 1000, events: [{ action: 'verifyFirstFactor', code: 'OK' }] });
  });

  it.each([
    ['a failed start', done('startMfaSession', capillaryError(1505))],
    ['a first-factor OTP', done('sendFirstFactorOtp', { ok: true })],
    ['a refresh', done('refreshToken', { ok: true })],
    ['a failed end', done('endSession', capillaryError(1531))],
  ])('leaves the session as it is after %s', (_name, outcome) => {
    const session = recordInSession(null, request, sent(500), EU);
    expect(recordInSession(session, request, outcome, EU)).toBe(session);
  });

  it('keeps the session once it is ended, with when it ended (for the panel and the ticket’s note)', () => {
    const ended = recordInSession(recordInSession(null, request, sent(500), EU), request, done('endSession', { ok: true }), EU);
    expect(ended).toMatchObject({ sessionId: request.sessionId, endedAt: expect.any(Number) });
    expect(ended?.events.map((event) => event.action)).toEqual(['sendOtp', 'endSession']);
  });
});

describe('the form after a call', () => {
  const typed = { ...SEED_DRAFT, otp: '111111', firstFactorOtp: '222222', authorizedToken: 'eyJ.a.b' };

  it.each([
    ['a validate spends the OTP', done('validateOtp', capillaryError(1506)), { otp: '' }],
    [
      'a verified first factor fills Session ID',
      done('verifyFirstFactor', { ok: true, sessionId: 'P-9' }),
      { sessionId: 'P-9', otp: '', firstFactorOtp: '', authorizedToken: '' },
    ],
    ['a wrong first-factor code is spent', done('verifyFirstFactor', capillaryError(1506)), { firstFactorOtp: '' }],
    [
      'a started session fills Session ID',
      done('startMfaSession', { ok: true, sessionId: 'P-9' }),
      { sessionId: 'P-9', otp: '', authorizedToken: '' },
    ],
    ['a refused token is dropped', done('startMfaSession', capillaryError(1529)), { authorizedToken: '' }],
    [
      'a token that never reached Capillary is kept',
      done('startMfaSession', { ok: false, error: { kind: 'timeout', afterMs: 10_000 } }),
      {},
    ],
    ['an ended session empties Session ID', done('endSession', { ok: true }), { sessionId: '', otp: '' }],
    ['a sent OTP changes nothing', done('sendOtp', { ok: true }), {}],
  ] as const)('%s', (_name, outcome, change) => {
    expect(draftAfter(typed, outcome)).toEqual({ ...typed, ...change });
  });

  it('starts over with the customer kept and every session field and code emptied', () => {
    expect(draftForNewSession(typed)).toEqual({ ...SEED_DRAFT, sessionId: '' });
  });
});
