import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDesk } from '@/entrypoints/background/desk/desk';
import type { CapillaryApi } from '@/lib/capillary/endpoints';
import { CapillaryApiError } from '@/lib/model/capillary/errors';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { saveSettings } from '@/lib/platform/settings/save';
import { currentSettings } from '@/lib/platform/settings/stored';
import { cooldownsItem, historyItem } from '@/lib/platform/storage/items';
import { SEED_CUSTOMER, SEED_DRAFT, SEED_REQUEST, SEED_TOKEN, SUCCESS, VALIDATED } from '../../fixtures/capillary';
import { activityItem, authItem, draftItem, firstFactorItem, forFirstCustomer, mfaSessionItem } from './first-customer';

const request = SEED_REQUEST;
const validated = VALIDATED;
const customer = SEED_CUSTOMER;
/** The USER token a first factor gives. */
const USER_TOKEN = 'eyJ.first-factor.token';
const refused = (code: number, message: string) => async () => {
  throw new CapillaryApiError({ kind: 'capillary', httpStatus: 400, code, message });
};

function setup(api: Partial<CapillaryApi> = {}, reachable = true) {
  let clock = 1_000_000;
  const opened = (sessionId: string) => ({ ...SUCCESS, auth: { token: SEED_TOKEN, key: null }, user: { sessionId, role: 'VIEW' } });
  const calls = {
    openFirstFactor: vi.fn(async () => opened('ff-1')),
    sendFirstFactorOtp: vi.fn(async () => SUCCESS),
    validateFirstFactorOtp: vi.fn(async () => ({ ...SUCCESS, auth: { token: USER_TOKEN, key: null } })),
    startMfaSession: vi.fn(async () => opened('P-new')),
    generateOtp: vi.fn(async () => SUCCESS),
    validateOtp: vi.fn(async () => validated),
    refreshToken: vi.fn(async () => ({ ...SUCCESS, auth: { token: 'eyJ.new.token' } })),
    endSession: vi.fn(async () => SUCCESS),
    ...api,
  };
  const baseUrls: string[] = [];
  const desk = createDesk({
    api: (baseUrl) => {
      baseUrls.push(baseUrl);
      return calls as CapillaryApi;
    },
    mayReach: async () => reachable,
    settings: currentSettings,
    now: () => clock,
  });
  return { desk: forFirstCustomer(desk), unwrapped: desk, calls, baseUrls, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe('the desk (background work)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('calls the configured cluster and records the outcome in storage.session', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com' });
    const { desk, baseUrls } = setup();
    const outcome = await desk.sendOtp(request);
    expect(outcome).toMatchObject({ action: 'sendOtp', result: { ok: true }, subject: { maskedIdentifier: '•••••••1754', brand: 'Bukl' } });
    expect(baseUrls).toEqual(['https://us.api.capillarytech.com']);
    expect(await activityItem.get()).toEqual({ inflight: null, outcome });
  });

  it('sends each brand on the brand list to its own cluster, and every other brand to the default', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      apiBaseUrl: 'https://eu.api.capillarytech.com',
      brands: [{ brand: 'Bukl', apiBaseUrl: 'https://apac.api.capillarytech.com' }, { brand: 'Nomad' }],
      // The same number under three brands: no cooldown between them here.
      cooldownSeconds: 0,
    });
    const { desk, baseUrls } = setup();
    await desk.sendOtp({ ...request, brand: 'bukl' });
    await desk.validateOtp({ ...request, brand: 'Bukl', otp: '123456' });
    await desk.sendOtp({ ...request, brand: 'Nomad', sessionId: 'P-nomad' });
    await desk.sendOtp({ ...request, brand: 'Other', sessionId: 'P-other' });
    expect(baseUrls).toEqual([
      'https://apac.api.capillarytech.com',
      'https://apac.api.capillarytech.com',
      'https://eu.api.capillarytech.com',
      'https://eu.api.capillarytech.com',
    ]);
    // A token is refreshed where it was issued.
    await desk.refreshToken();
    expect(baseUrls.at(-1)).toBe('https://apac.api.capillarytech.com');
  });

  it('calls the URL the organisation’s policy sets, over the agent’s own, without Settings being opened', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com' });
    await browser.storage.managed.set({ apiBaseUrl: 'https://auth.brand.example/capillary/', cooldownSeconds: 'soon' });
    const { desk, baseUrls, advance } = setup();
    await desk.sendOtp(request);
    expect(baseUrls).toEqual(['https://auth.brand.example/capillary']);
    // The policy's invalid cooldown is ignored: the agent's own (30 s) holds.
    advance(29_000);
    expect((await desk.sendOtp(request)).result).toMatchObject({ ok: false, error: { kind: 'cooldown' } });
  });

  it('writes the in-flight request before the call, so a closed popup can pick it up', async () => {
    let seenDuringCall: unknown;
    const { desk } = setup({
      generateOtp: async () => {
        seenDuringCall = await activityItem.get();
        return SUCCESS;
      },
    });
    await desk.sendOtp(request);
    expect(seenDuringCall).toMatchObject({ inflight: { action: 'sendOtp', startedAt: 1_000_000 }, outcome: null });
  });

  it('sends one request for a double click', async () => {
    const { desk, calls } = setup();
    const [first, second] = await Promise.all([desk.sendOtp(request), desk.sendOtp(request)]);
    expect(calls.generateOtp).toHaveBeenCalledOnce();
    expect(second).toBe(first);
  });

  it('holds back a new Send OTP for the same identifier during the cooldown, whichever brand', async () => {
    const { desk, calls, advance } = setup();
    await desk.sendOtp(request);
    advance(10_000);
    const held = await desk.sendOtp({ ...request, brand: 'BUKL' });
    expect(held.result).toEqual({ ok: false, error: { kind: 'cooldown', until: 1_030_000 } });
    // Another brand's SMS would reach the same phone.
    expect((await desk.sendOtp({ ...request, brand: 'Nomad', sessionId: 'P-nomad' })).result).toMatchObject({
      error: { kind: 'cooldown' },
    });
    expect(calls.generateOtp).toHaveBeenCalledOnce();
    await desk.sendOtp({ ...request, identifierValue: '18767431755', sessionId: 'P-other' });
    expect(calls.generateOtp).toHaveBeenCalledTimes(2);
    advance(20_001);
    expect((await desk.sendOtp(request)).result.ok).toBe(true);
  });

  it('takes the cooldown length from settings', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, cooldownSeconds: 5 });
    const { desk, advance } = setup();
    await desk.sendOtp(request);
    advance(5_001);
    expect((await desk.sendOtp(request)).result.ok).toBe(true);
  });

  it('starts no cooldown when the send failed', async () => {
    const { desk, calls } = setup({
      generateOtp: vi.fn(async () => {
        throw new CapillaryApiError({ kind: 'capillary', httpStatus: 400, code: 1505, message: 'Invalid session' });
      }),
    });
    const failed = await desk.sendOtp(request);
    expect(failed.result).toEqual({ ok: false, error: { kind: 'capillary', httpStatus: 400, code: 1505, message: 'Invalid session' } });
    await desk.sendOtp(request);
    expect(calls.generateOtp).toHaveBeenCalledTimes(2);
    expect(await cooldownsItem.get()).toEqual({});
  });

  it('starts the cooldown and a history line before the request leaves, so a stopped worker leaves both', async () => {
    let seen: unknown[] = [];
    const { desk } = setup({
      generateOtp: async () => {
        seen = [await cooldownsItem.get(), await historyItem.get()];
        return SUCCESS;
      },
    });
    await desk.sendOtp(request);
    expect(seen[0]).toEqual({ 'MOBILE|18767431754': 1_030_000 });
    expect(seen[1]).toMatchObject([{ action: 'sendOtp', code: 'interrupted', maskedIdentifier: '•••••••1754' }]);
    // Once the call ended, its outcome replaces the interrupted line.
    expect(await historyItem.get()).toMatchObject([{ action: 'sendOtp', code: 'OK' }]);
  });

  it.each([
    ['a timeout', { kind: 'timeout', afterMs: 10_000 }, true],
    ['a network error', { kind: 'network', detail: 'Failed to fetch' }, true],
    // The server that redirected did receive the POST.
    ['a redirect', { kind: 'redirect', httpStatus: 307, location: 'https://x.example/' }, true],
    ['a refusal from Capillary', { kind: 'capillary', httpStatus: 400, code: 1509, message: 'Brand mismatch' }, false],
  ] as const)('after %s the cooldown stays: %s', async (_name, error, stays) => {
    const { desk } = setup({
      generateOtp: async () => {
        throw new CapillaryApiError(error);
      },
    });
    await desk.sendOtp(request);
    expect(Object.keys(await cooldownsItem.get())).toHaveLength(stays ? 1 : 0);
  });

  it('clears the in-flight record and keeps the outcome when the form cannot be written after a call', async () => {
    const { desk } = setup();
    await draftItem.set({ ...SEED_DRAFT, otp: '123456' });
    const set = browser.storage.session.set.bind(browser.storage.session);
    vi.spyOn(browser.storage.session, 'set').mockImplementation(async (items) => {
      if ('form.0' in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = await desk.validateOtp({ ...request, otp: '123456' });
    expect(await activityItem.get()).toEqual({ inflight: null, outcome });
    expect(console.error).toHaveBeenCalledWith('MFA Desk: A storage write after a call failed (Error)');
  });

  it('answers without waiting for the history, which follows once storage.local takes it', async () => {
    const { unwrapped } = setup();
    let release = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const set = historyItem.set;
    vi.spyOn(historyItem, 'set').mockImplementation(async (value) => {
      await slow;
      return set(value);
    });
    const outcome = await unwrapped.sendOtp({ ...request, customerId: '0:0' });
    expect(outcome).toMatchObject({ result: { ok: true } });
    expect(await historyItem.get()).toEqual([]);
    release();
    await unwrapped.settled();
    expect(await historyItem.get()).toMatchObject([{ action: 'sendOtp', code: 'OK' }]);
  });

  it("shows a call's outcome even when the history cannot take its line", async () => {
    const { desk } = setup();
    const set = historyItem.set;
    let calls = 0;
    vi.spyOn(historyItem, 'set').mockImplementation(async (value) => {
      if (++calls === 2) throw new Error('QUOTA_BYTES quota exceeded');
      return set(value);
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = await desk.sendOtp(request);
    expect(outcome.result).toEqual({ ok: true });
    expect(await activityItem.get()).toEqual({ inflight: null, outcome });
    await vi.waitFor(() => expect(console.error).toHaveBeenCalledWith("MFA Desk: The history could not take a call's outcome (Error)"));
  });

  it('blanks from the user object Capillary sent back every value the request carried and every secret-named field', async () => {
    const sessionId = 'P-b04c1001';
    const user = {
      ...validated.user,
      note: { said: `code 123456 ok for ${sessionId}` },
      profile: { apiKey: 'ak_live_51H8', credentials: { password: 'hunter2!', pin: 4321 }, refresh_token: 42 },
      lastOtp: '999999',
    };
    const { desk } = setup({ validateOtp: vi.fn(async () => ({ ...validated, user })) });
    await desk.validateOtp({ ...request, sessionId, otp: '123456' });
    const kept = (await authItem.get())?.user;
    expect(kept).toMatchObject({
      note: { said: 'code [sent value] ok for [sent value]' },
      profile: { apiKey: '[redacted]', credentials: { password: '[redacted]', pin: 4321 }, refresh_token: '[redacted]' },
      lastOtp: '[redacted]',
      // A yes/no flag named after a secret says nothing secret, and Capillary's contract needs it as it is.
      userRegisteredForPassword: validated.user.userRegisteredForPassword,
    });
    expect(JSON.stringify(kept)).not.toMatch(/123456|999999|hunter2|ak_live|b04c1001/);
  });

  it('keeps token, key and user in storage.session only after a validate', async () => {
    const { desk } = setup();
    await desk.validateOtp({ ...request, otp: '123456' });
    expect(await authItem.get()).toMatchObject({ token: validated.auth.token, key: validated.auth.key, user: validated.user });
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toMatch(/eyJ|123456/);
    expect(JSON.stringify(await browser.storage.sync.get(null))).not.toMatch(/eyJ|123456/);
  });

  it('empties the OTP of the saved form after a validate, right or wrong', async () => {
    await draftItem.set({ ...SEED_DRAFT, otp: '123456' });
    const { desk } = setup({
      validateOtp: vi.fn(async () => {
        throw new CapillaryApiError({ kind: 'capillary', httpStatus: 400, code: 1506, message: 'Invalid OTP' });
      }),
    });
    await desk.validateOtp({ ...request, otp: '123456' });
    expect(await draftItem.get()).toEqual(SEED_DRAFT);
    expect(await authItem.get()).toBeNull();
  });

  it('keeps a code the agent typed while the one before was being checked', async () => {
    await draftItem.set({ ...SEED_DRAFT, otp: '123456' });
    const { desk } = setup({
      validateOtp: vi.fn(async () => {
        await draftItem.set({ ...SEED_DRAFT, otp: '654321' });
        throw new CapillaryApiError({ kind: 'capillary', httpStatus: 400, code: 1506, message: 'Invalid OTP' });
      }),
    });
    await desk.validateOtp({ ...request, otp: '123456' });
    expect(await draftItem.get()).toEqual({ ...SEED_DRAFT, otp: '654321' });
  });

  it('records an unexpected failure by its name only', async () => {
    const { desk } = setup({
      generateOtp: vi.fn(async () => {
        throw new RangeError('leaked 18767431754');
      }),
    });
    const outcome = await desk.sendOtp(request);
    expect(outcome.result).toEqual({ ok: false, error: { kind: 'internal', name: 'RangeError' } });
  });

  it('records each call in the session (storage.session) and the history (storage.local)', async () => {
    const { desk } = setup();
    await desk.sendOtp(request);
    await desk.validateOtp({ ...request, otp: '123456' });
    expect((await mfaSessionItem.get())?.events.map((event) => event.code)).toEqual(['OK', 'OK']);
    expect((await historyItem.get()).map((entry) => entry.action)).toEqual(['validateOtp', 'sendOtp']);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toMatch(/18767431754|123456|eyJ/);
  });

  it('clears the history', async () => {
    const { desk } = setup();
    await desk.sendOtp(request);
    await desk.clearHistory();
    expect(await historyItem.get()).toEqual([]);
  });

  it('sends nothing to a host the browser does not let it reach, and says so', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://auth.brand.example/capillary' });
    const { desk, calls } = setup({}, false);
    const outcome = await desk.sendOtp(request);
    expect(outcome.result).toEqual({ ok: false, error: { kind: 'no-permission', origin: 'https://auth.brand.example' } });
    expect(calls.generateOtp).not.toHaveBeenCalled();
  });
});

describe('the desk’s session start, refresh and end', () => {
  beforeEach(() => fakeBrowser.reset());

  it('runs the first factor: opens it, sends its OTP, keeps its session for the verify', async () => {
    const { desk, calls } = setup();
    const outcome = await desk.sendFirstFactorOtp(customer);
    expect(outcome.result).toEqual({ ok: true });
    expect(calls.sendFirstFactorOtp).toHaveBeenCalledWith({ ...customer, sessionId: 'ff-1' });
    expect(await firstFactorItem.get()).toMatchObject({ sessionId: 'ff-1', attempts: 0, customer });
    expect((await desk.sendFirstFactorOtp(customer)).result).toMatchObject({ ok: false, error: { kind: 'cooldown' } });
    expect(calls.openFirstFactor).toHaveBeenCalledOnce();
  });

  it('verifies the first factor and opens the MFA session with the USER token it gave', async () => {
    await draftItem.set({ ...SEED_DRAFT, sessionId: '', firstFactorOtp: '654321' });
    const { desk, calls } = setup();
    await desk.sendFirstFactorOtp(customer);
    const outcome = await desk.verifyFirstFactor({ ...customer, otp: '654321' });
    expect(outcome.result).toEqual({ ok: true, sessionId: 'P-new' });
    expect(calls.validateFirstFactorOtp).toHaveBeenCalledWith({ ...customer, sessionId: 'ff-1', otp: '654321' });
    expect(calls.startMfaSession).toHaveBeenCalledWith({ ...customer, authorizedToken: USER_TOKEN });
    expect(await draftItem.get()).toMatchObject({ sessionId: 'P-new', firstFactorOtp: '' });
    expect(await firstFactorItem.get()).toBeNull();
    expect((await mfaSessionItem.get())?.sessionId).toBe('P-new');
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain(USER_TOKEN);
  });

  it('refuses a verify with no first-factor OTP sent to this customer, and sends nothing', async () => {
    const { desk, calls } = setup();
    await desk.sendFirstFactorOtp({ ...customer, identifierValue: '18767431755' });
    const outcome = await desk.verifyFirstFactor({ ...customer, otp: '654321' });
    expect(outcome.result).toMatchObject({ ok: false, error: { kind: 'invalid-request', fields: { firstFactorOtp: expect.any(String) } } });
    expect(calls.validateFirstFactorOtp).not.toHaveBeenCalled();
  });

  it('counts wrong first-factor codes as attempts of 5', async () => {
    const { desk } = setup({ validateFirstFactorOtp: vi.fn(refused(1506, 'Invalid OTP')) });
    await desk.sendFirstFactorOtp(customer);
    await desk.verifyFirstFactor({ ...customer, otp: '000000' });
    const second = await desk.verifyFirstFactor({ ...customer, otp: '000001' });
    expect(second.attempt).toBe(2);
    expect((await firstFactorItem.get())?.attempts).toBe(2);
  });

  it('keeps a verified first factor’s token when the MFA session failed to open, and uses it for the retry', async () => {
    let fails = true;
    const startMfaSession = vi.fn(async (_request: unknown) => {
      if (fails) return refused(1504, 'Cannot generate token')();
      return { ...SUCCESS, auth: { token: SEED_TOKEN, key: null }, user: { sessionId: 'P-retried', role: 'VIEW' } };
    });
    const { desk } = setup({ startMfaSession });
    await desk.sendFirstFactorOtp(customer);
    expect((await desk.verifyFirstFactor({ ...customer, otp: '654321' })).result.ok).toBe(false);
    expect((await firstFactorItem.get())?.authorizedToken).toBe(USER_TOKEN);
    fails = false;
    const retried = await desk.startMfaSession(customer);
    expect(retried.result).toEqual({ ok: true, sessionId: 'P-retried' });
    expect(startMfaSession).toHaveBeenLastCalledWith({ ...customer, authorizedToken: USER_TOKEN });
    expect(await firstFactorItem.get()).toBeNull();
  });

  it('forgets an authorized token Capillary refused', async () => {
    await draftItem.set({ ...SEED_DRAFT, sessionId: '', authorizedToken: SEED_TOKEN });
    const { desk } = setup({ startMfaSession: vi.fn(refused(1529, 'Token expired')) });
    const outcome = await desk.startMfaSession({ ...customer, authorizedToken: SEED_TOKEN });
    expect(outcome.result).toMatchObject({ ok: false, error: { code: 1529 } });
    expect((await draftItem.get())?.authorizedToken).toBe('');
  });

  it('starts an MFA session with a pasted token, and puts its ID in the form', async () => {
    await draftItem.set({ ...SEED_DRAFT, sessionId: '', authorizedToken: SEED_TOKEN });
    const { desk, calls } = setup();
    const outcome = await desk.startMfaSession({ ...customer, authorizedToken: SEED_TOKEN });
    expect(outcome.result).toEqual({ ok: true, sessionId: 'P-new' });
    expect(calls.startMfaSession).toHaveBeenCalledWith({ ...customer, authorizedToken: SEED_TOKEN });
    expect(await draftItem.get()).toMatchObject({ sessionId: 'P-new', authorizedToken: '' });
  });

  it('needs a token to start a session when no first factor is verified', async () => {
    const { desk, calls } = setup();
    const outcome = await desk.startMfaSession(customer);
    expect(outcome.result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', fields: { authorizedToken: expect.any(String) } },
    });
    expect(calls.startMfaSession).not.toHaveBeenCalled();
  });

  it('refreshes the token with the key, from the cluster that issued it, and keeps the key when none comes back', async () => {
    const { desk, calls, baseUrls } = setup();
    await desk.validateOtp({ ...request, otp: '123456' });
    await saveSettings({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com' });
    const outcome = await desk.refreshToken();
    expect(outcome).toMatchObject({ action: 'refreshToken', result: { ok: true } });
    expect(calls.refreshToken).toHaveBeenCalledWith({ ...customer, key: validated.auth.key });
    expect(baseUrls.at(-1)).toBe(DEFAULT_SETTINGS.apiBaseUrl);
    expect(await authItem.get()).toMatchObject({ token: 'eyJ.new.token', key: validated.auth.key });
  });

  it('reports a refused key, and keeps what it had', async () => {
    const { desk } = setup({ refreshToken: vi.fn(refused(1597, 'Key expired or not valid')) });
    await desk.validateOtp({ ...request, otp: '123456' });
    const outcome = await desk.refreshToken();
    expect(outcome).toMatchObject({ result: { ok: false, error: { code: 1597 } } });
    expect((await authItem.get())?.token).toBe(validated.auth.token);
  });

  it('ends the session: expires the token, then forgets token and key, keeps the session as ended, and empties Session ID', async () => {
    await draftItem.set(SEED_DRAFT);
    const { desk, calls } = setup();
    await desk.sendOtp(request);
    await desk.validateOtp({ ...request, otp: '123456' });
    const outcome = await desk.endSession();
    expect(outcome).toMatchObject({ action: 'endSession', result: { ok: true } });
    expect(calls.endSession).toHaveBeenCalledWith({ ...customer, token: validated.auth.token });
    expect(await authItem.get()).toBeNull();
    expect(await mfaSessionItem.get()).toMatchObject({ endedAt: expect.any(Number) });
    expect((await draftItem.get())?.sessionId).toBe('');
    expect((await historyItem.get())[0]).toMatchObject({ action: 'endSession', code: 'OK' });
  });

  it('refuses to refresh or end without a token', async () => {
    const { desk } = setup();
    expect(await desk.refreshToken()).toEqual({ rejected: 'no-key' });
    expect(await desk.endSession()).toEqual({ rejected: 'no-token' });
  });

  it('starts over: Session ID and codes emptied, first factor and last outcome forgotten', async () => {
    await draftItem.set({ ...SEED_DRAFT, otp: '123', firstFactorOtp: '456', authorizedToken: SEED_TOKEN });
    const { desk } = setup();
    await desk.sendFirstFactorOtp(customer);
    await desk.startOver();
    expect(await draftItem.get()).toEqual({ ...SEED_DRAFT, sessionId: '' });
    expect(await firstFactorItem.get()).toBeNull();
    expect(await activityItem.get()).toEqual({ inflight: null, outcome: null });
  });
});
