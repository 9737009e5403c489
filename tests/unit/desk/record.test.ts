import { describe, expect, it } from 'vitest';
import { historyToCsv } from '@/lib/desk/history-csv';
import type { Outcome } from '@/lib/desk/outcome';
import { recordInHistory, recordInSession } from '@/lib/desk/record';
import { MAX_HISTORY } from '@/lib/desk/session';
import { SEED_REQUEST } from '../../fixtures/capillary';

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
    expect(session.beganAt).toBe(1000);
    expect(session.maskedIdentifier).toBe('•••••••1754');
    expect(session.events.map((event) => [event.action, event.code, event.attempt])).toEqual([
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
    ['device', { deviceId: '9' }],
  ])('starts a new session when the %s changes', (_name, change) => {
    const first = recordInSession(null, request, sent(1000), EU);
    const next = recordInSession(first, { ...request, ...change }, sent(2000), EU);
    expect(next.beganAt).toBe(2000);
    expect(next.events).toHaveLength(1);
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

  it('exports as CSV with a header row and ISO times', () => {
    const csv = historyToCsv(recordInHistory([], sent(Date.UTC(2026, 10, 22, 3, 4, 5)), EU));
    expect(csv.split('\r\n')).toEqual([
      'time_utc,cluster,brand,customer,action,outcome',
      '2026-11-22T03:04:05Z,EU,Bukl,•••••••1754,sendOtp,OK',
      '',
    ]);
  });
});
