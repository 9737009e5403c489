import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CapillaryApi } from '@/lib/capillary/client';
import { CapillaryApiError } from '@/lib/capillary/errors';
import { createDesk } from '@/lib/desk/desk';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { activityItem, authItem, cooldownsItem, draftItem, historyItem, mfaSessionItem, settingsItem } from '@/lib/storage/items';
import { SEED_REQUEST, SUCCESS, VALIDATED } from '../../fixtures/capillary';

const request = SEED_REQUEST;
const validated = VALIDATED;

function setup(api: Partial<CapillaryApi> = {}, reachable = true) {
  let clock = 1_000_000;
  const calls = { generateOtp: vi.fn(async () => SUCCESS), validateOtp: vi.fn(async () => validated), ...api };
  const baseUrls: string[] = [];
  const desk = createDesk({
    api: (baseUrl) => {
      baseUrls.push(baseUrl);
      return calls as CapillaryApi;
    },
    mayReach: async () => reachable,
    now: () => clock,
  });
  return { desk, calls, baseUrls, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe('the desk (background work)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('calls the configured cluster and records the outcome in storage.session', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://us.api.capillarytech.com' });
    const { desk, baseUrls } = setup();
    const outcome = await desk.sendOtp(request);
    expect(outcome).toMatchObject({ action: 'sendOtp', result: { ok: true }, subject: { maskedIdentifier: '•••••••1754', brand: 'Bukl' } });
    expect(baseUrls).toEqual(['https://us.api.capillarytech.com']);
    expect(await activityItem.get()).toEqual({ inflight: null, outcome });
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

  it('holds back a new Send OTP for the same brand and identifier during the cooldown', async () => {
    const { desk, calls, advance } = setup();
    await desk.sendOtp(request);
    advance(10_000);
    const held = await desk.sendOtp({ ...request, brand: 'BUKL' });
    expect(held.result).toEqual({ ok: false, error: { kind: 'cooldown', until: 1_030_000 } });
    expect(calls.generateOtp).toHaveBeenCalledOnce();
    await desk.sendOtp({ ...request, identifierValue: '18767431755' });
    expect(calls.generateOtp).toHaveBeenCalledTimes(2);
    advance(20_001);
    expect((await desk.sendOtp(request)).result.ok).toBe(true);
  });

  it('takes the cooldown length from settings', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, cooldownSeconds: 5 });
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

  it('keeps token, key and user in storage.session only after a validate', async () => {
    const { desk } = setup();
    await desk.validateOtp({ ...request, otp: '123456' });
    expect(await authItem.get()).toMatchObject({ token: validated.auth.token, key: validated.auth.key, user: validated.user });
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toMatch(/eyJ|123456/);
    expect(JSON.stringify(await browser.storage.sync.get(null))).not.toMatch(/eyJ|123456/);
  });

  it('empties the OTP of the saved form after a validate, right or wrong', async () => {
    await draftItem.set({ ...request, otp: '123456' });
    const { desk } = setup({
      validateOtp: vi.fn(async () => {
        throw new CapillaryApiError({ kind: 'capillary', httpStatus: 400, code: 1506, message: 'Invalid OTP' });
      }),
    });
    await desk.validateOtp({ ...request, otp: '123456' });
    expect(await draftItem.get()).toEqual({ ...request, otp: '' });
    expect(await authItem.get()).toBeNull();
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
    await settingsItem.set({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://auth.brand.example/capillary' });
    const { desk, calls } = setup({}, false);
    const outcome = await desk.sendOtp(request);
    expect(outcome.result).toEqual({ ok: false, error: { kind: 'no-permission', origin: 'https://auth.brand.example' } });
    expect(calls.generateOtp).not.toHaveBeenCalled();
  });
});
