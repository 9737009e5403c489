import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDesk } from '@/entrypoints/background/desk/desk';
import { idleDue } from '@/entrypoints/background/idle';
import { useAsCustomer } from '@/entrypoints/background/use-as-customer';
import type { CapillaryApi } from '@/lib/capillary/endpoints';
import { viewCustomer } from '@/lib/model/desk/customer-view';
import { customerInSelection } from '@/lib/model/desk/selection';
import type { MfaSession } from '@/lib/model/desk/session';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { allCustomers, emptyRecord, formOf, selectedItem } from '@/lib/platform/storage/customer-store';
import { cooldownsItem, historyItem, menuNoticeItem } from '@/lib/platform/storage/items';
import { noteOf } from '@/lib/words/note';
import { SEED_DRAFT, SEED_REQUEST, SEED_TOKEN, SUCCESS, VALIDATED } from '../../fixtures/capillary';
import { customerRecord } from './first-customer';

function setup(cooldownSeconds = 0) {
  const calls = {
    generateOtp: vi.fn(async () => SUCCESS),
    validateOtp: vi.fn(async () => VALIDATED),
    endSession: vi.fn(async () => SUCCESS),
  };
  let clock = 1_000_000;
  const desk = createDesk({
    api: () => calls as unknown as CapillaryApi,
    mayReach: async () => true,
    settings: async () => ({ ...DEFAULT_SETTINGS, brand: 'Bukl', deviceId: '1234', cooldownSeconds }),
    now: () => clock,
  });
  return { desk, calls, advance: (ms: number) => (clock += ms) };
}

const B = { ...SEED_REQUEST, identifierValue: '919876543210', sessionId: 'P-2' };

describe('the desk of customers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens customers in free places, each chosen on screen, and refuses an eleventh', async () => {
    const { desk } = setup();
    const opened = [];
    for (let n = 1; n < 10; n++) opened.push(await desk.newCustomer({}));
    expect(opened.map((answer) => ('customerId' in answer ? answer.customerId.split(':')[0] : answer))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect((await allCustomers()).map((record) => record.id)[0]).toBe('0:0');
    expect(await selectedItem.get()).toBe((opened[8] as { customerId: string }).customerId);
    expect(await desk.newCustomer({})).toEqual({ rejected: 'desk-full' });
    // A new customer's form starts from Settings.
    expect(await formOf('1:0').get()).toMatchObject({ brand: 'Bukl', deviceId: '1234', identifierValue: '' });
  });

  it('lists its customers as storage holds them, after its own changes and after a change it did not make', async () => {
    const { desk } = setup();
    expect((await desk.customers()).map((record) => record.id)).toEqual(['0:0']);
    const opened = await desk.newCustomer({});
    const id = (opened as { customerId: string }).customerId;
    expect((await desk.customers()).map((record) => record.id)).toEqual(['0:0', id]);
    // storage.session emptied, as when the browser restarts: the desk starts from its first customer again
    await browser.storage.session.clear();
    expect((await desk.customers()).map((record) => record.id)).toEqual(['0:0']);
  });

  it('keeps each customer’s call, token and session apart, and ends only the one asked', async () => {
    const { desk, calls } = setup();
    const { customerId: b } = (await desk.newCustomer({})) as { customerId: string };
    await desk.sendOtp({ ...SEED_REQUEST, customerId: '0:0' });
    await desk.validateOtp({ ...SEED_REQUEST, otp: '123456', customerId: '0:0' });
    await desk.sendOtp({ ...B, customerId: b });
    const [a, other] = await Promise.all([customerRecord('0:0'), customerRecord(b)]);
    expect(a?.auth?.token).toBe(VALIDATED.auth.token);
    expect(other?.auth).toBeNull();
    expect(other?.session?.sessionId).toBe('P-2');
    expect(await desk.endSession({ customerId: b })).toEqual({ rejected: 'no-token' });
    expect(await desk.endSession({ customerId: '0:0' })).toMatchObject({ result: { ok: true } });
    expect(calls.endSession).toHaveBeenCalledOnce();
    expect((await customerRecord(b))?.session).toMatchObject({ sessionId: 'P-2' });
    expect((await customerRecord(b))?.session?.endedAt).toBeUndefined();
  });

  it('closes a customer after ending its token, and refuses calls for it afterwards', async () => {
    const { desk, calls } = setup(30);
    const { customerId: b } = (await desk.newCustomer({})) as { customerId: string };
    await desk.validateOtp({ ...B, otp: '123456', customerId: b });
    calls.endSession.mockRejectedValueOnce(new Error('offline'));
    expect(await desk.closeCustomer({ customerId: b })).toMatchObject({ result: { ok: false } });
    expect(await customerRecord(b)).not.toBeNull();
    expect(await desk.closeCustomer({ customerId: b })).toEqual({ closed: true });
    expect(await customerRecord(b)).toBeNull();
    expect(await formOf(b).get()).toBeNull();
    expect(await desk.sendOtp({ ...B, customerId: b })).toEqual({ rejected: 'unknown-customer' });
    // Nothing is sent for it, and no SMS is held back for its number.
    expect(await cooldownsItem.get()).toEqual({});
    expect(calls.generateOtp).not.toHaveBeenCalled();
    expect(await desk.validateOtp({ ...B, otp: '123456', customerId: b })).toEqual({ rejected: 'unknown-customer' });
    expect(calls.validateOtp).toHaveBeenCalledTimes(1);
  });

  it("refuses a request that carries another customer's session, before it leaves", async () => {
    const { desk, calls } = setup();
    await desk.sendOtp({ ...SEED_REQUEST, customerId: '0:0' });
    const forB = await desk.sendOtp({ ...B, sessionId: SEED_REQUEST.sessionId, customerId: '0:0' });
    expect(forB).toMatchObject({
      result: { ok: false, error: { kind: 'invalid-request', fields: { sessionId: expect.stringContaining('1754') } } },
    });
    expect(calls.generateOtp).toHaveBeenCalledTimes(1);
    expect(await desk.validateOtp({ ...B, sessionId: SEED_REQUEST.sessionId, otp: '123456', customerId: '0:0' })).toMatchObject({
      result: { ok: false, error: { kind: 'invalid-request' } },
    });
    expect(calls.validateOtp).not.toHaveBeenCalled();
  });

  it("refuses another customer's session when the two numbers end alike (the masks match, the numbers do not)", async () => {
    const { desk, calls } = setup();
    await desk.sendOtp({ ...SEED_REQUEST, customerId: '0:0' });
    const lookalike = { ...SEED_REQUEST, identifierValue: SEED_REQUEST.identifierValue.replace(/^\d/, '2') };
    expect(lookalike.identifierValue.slice(-4)).toBe(SEED_REQUEST.identifierValue.slice(-4));
    expect(await desk.sendOtp({ ...lookalike, customerId: '0:0' })).toMatchObject({
      result: { ok: false, error: { kind: 'invalid-request', fields: { sessionId: expect.any(String) } } },
    });
    expect(calls.generateOtp).toHaveBeenCalledTimes(1);
    // The same customer typed another way (spaces, a plus) is still the session's own.
    const dressed = { ...SEED_REQUEST, identifierValue: `+${SEED_REQUEST.identifierValue.replace(/(\d{4})$/, ' $1')}` };
    expect(await desk.sendOtp({ ...dressed, customerId: '0:0' })).toMatchObject({ result: { ok: true } });
  });

  it('files the reference and how long each call took in the history', async () => {
    const { desk } = setup();
    await formOf('0:0').set({ ...SEED_DRAFT, reference: ' #48213 ' });
    await desk.sendOtp({ ...SEED_REQUEST, customerId: '0:0' });
    await desk.settled();
    expect((await historyItem.get())[0]).toMatchObject({ action: 'sendOtp', reference: '#48213', durationMs: 0 });
  });
});

describe('the idle time', () => {
  const verified = (id: string, lastActiveAt: number) => ({
    ...emptyRecord(id, 0),
    lastActiveAt,
    auth: { ...VALIDATED.auth, user: VALIDATED.user, receivedAt: 0, apiBaseUrl: 'x', customer: SEED_DRAFT },
  });

  it('is up for a verified customer with no call for that long; never with 0', () => {
    const desk = [verified('0:0', 0), verified('1:1', 10 * 60_000), emptyRecord('2:2', 0)];
    expect(idleDue(desk, 15, 15 * 60_000)).toEqual({ due: ['0:0'], next: 25 * 60_000 });
    expect(idleDue(desk, 0, 99 * 60_000)).toEqual({ due: [], next: null });
  });

  it('ends the session at Capillary, filed as ended automatically', async () => {
    const { desk, calls } = setup();
    await desk.validateOtp({ ...SEED_REQUEST, otp: '123456', customerId: '0:0' });
    expect(await desk.endIdleSession('0:0')).toMatchObject({ action: 'autoEndSession', result: { ok: true } });
    expect(calls.endSession).toHaveBeenCalledOnce();
    const view = viewCustomer((await customerRecord('0:0'))!);
    expect(view).toMatchObject({ hasToken: false, endedAuto: true });
    await desk.settled();
    expect((await historyItem.get())[0]).toMatchObject({ action: 'autoEndSession', code: 'OK' });
  });
});

describe('a customer\u2019s view', () => {
  const auth = { ...VALIDATED.auth, user: VALIDATED.user, receivedAt: 0, apiBaseUrl: 'x', customer: SEED_DRAFT };

  it('is verified until the earlier of the token\u2019s end and the session\u2019s, and has no end when neither is known', () => {
    const session: MfaSession = {
      apiBaseUrl: 'x',
      sessionId: 'P-1',
      brand: 'Bukl',
      identifierType: 'MOBILE',
      maskedIdentifier: '•••••••1754',
      deviceId: '1234',
      beganAt: 0,
      events: [],
    };
    const record = emptyRecord('0:0', 0);
    expect(viewCustomer({ ...record, auth: { ...auth, expiresAt: 60_000 }, session }).verifiedUntil).toBe(60_000);
    expect(viewCustomer({ ...record, auth: { ...auth, expiresAt: 60 * 60_000 }, session }).verifiedUntil).toBe(15 * 60_000);
    expect(viewCustomer({ ...record, auth, session }).verifiedUntil).toBe(15 * 60_000);
    expect(viewCustomer({ ...record, auth }).verifiedUntil).toBeNull();
  });
});

describe('Use as customer in MFA Desk', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a phone number or an email as agents paste them, and nothing else', () => {
    expect(customerInSelection(' +91 98765-43210 ')).toEqual({ identifierType: 'MOBILE', identifierValue: '919876543210' });
    expect(customerInSelection('(876) 743-1754')).toEqual({ identifierType: 'MOBILE', identifierValue: '18767431754' });
    expect(customerInSelection('mailto:Ana@Example.com')).toEqual({ identifierType: 'EMAIL', identifierValue: 'Ana@Example.com' });
    for (const text of ['order 48213', '12345', 'call me at +91 98765-43210', SEED_TOKEN, '']) expect(customerInSelection(text)).toBeNull();
  });

  it('fills the empty customer on screen, else opens a new one, and says so when it cannot', async () => {
    const { desk } = setup();
    const deps = { newCustomer: desk.newCustomer, settings: async () => DEFAULT_SETTINGS };
    await useAsCustomer('+91 98765-43210', deps);
    expect(await formOf('0:0').get()).toMatchObject({ identifierType: 'MOBILE', identifierValue: '919876543210' });
    await useAsCustomer('ana@example.com', deps);
    const opened = (await allCustomers()).at(-1)!;
    expect(opened.id).not.toBe('0:0');
    expect(await formOf(opened.id).get()).toMatchObject({ identifierType: 'EMAIL', identifierValue: 'ana@example.com' });
    await useAsCustomer('not a number', deps);
    expect(await menuNoticeItem.get()).toMatchObject({ notice: 'not-a-customer' });
    for (let n = 0; n < 8; n++) await desk.newCustomer({});
    // A full desk, with a customer on screen who already has a number.
    await selectedItem.set('0:0');
    await useAsCustomer('+91 98765-43211', deps);
    expect(await menuNoticeItem.get()).toMatchObject({ notice: 'desk-full' });
    expect(await browser.storage.local.get(null)).toEqual({});
  });
});

describe('the note for the ticket', () => {
  it('says what was verified, when and until when, with the reference, and holds no secret', () => {
    const at = (hh: number, mm: number) => new Date(2026, 10, 29, hh, mm).getTime();
    const view = {
      ...viewCustomer(emptyRecord('0:0', 0)),
      subject: { identifierType: 'MOBILE', maskedIdentifier: '•••••••1754', brand: 'Bukl' },
      apiBaseUrl: 'https://eu.api.capillarytech.com',
      otpSentAt: at(9, 12),
      validatedAt: at(9, 14),
      attempt: 2,
      verifiedUntil: at(9, 27),
      endedAt: at(9, 20),
    } as const;
    const note = noteOf(view, { ...SEED_DRAFT, sessionId: 'P-secret', otp: '123456', reference: '#48213' });
    expect(note).toMatch(
      /^MFA verified · Bukl · MOBILE •••••••1754 · EU · OTP sent 09:12.*, validated 09:14.* \(attempt 2 of 5\) · verified until 09:27.* · ended 09:20.* · ref #48213$/,
    );
    for (const secret of ['P-secret', '123456', '18767431754', 'eyJ']) expect(note).not.toContain(secret);
  });
});
