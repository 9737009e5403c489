import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CustomerState, createUpdater, deskLiveUntil, liveUntil, watchLiveness } from '@/entrypoints/background/update';
import type { MfaSession } from '@/lib/model/desk/session';
import { pendingUpdateItem } from '@/lib/platform/storage/items';
import { draftItem } from '../desk/first-customer';

const BEGAN = 1_000_000;
const session = { sessionId: 'S-1', beganAt: BEGAN } as MfaSession;
const idle: CustomerState = { session: null, tokenHeld: false, firstFactorUnderWay: false, draftSessionId: '' };
const END = BEGAN + 15 * 60_000;

describe('how long an update waits', () => {
  it.each([
    ['nothing live', idle, BEGAN, null],
    ['a token held', { ...idle, tokenHeld: true }, BEGAN, Number.POSITIVE_INFINITY],
    ['a first factor under way', { ...idle, firstFactorUnderWay: true }, BEGAN, Number.POSITIVE_INFINITY],
    ['the session the form is in, until its 15 minutes are up', { ...idle, session, draftSessionId: ' S-1 ' }, BEGAN + 1, END],
    ['that session once its time is up', { ...idle, session, draftSessionId: 'S-1' }, END, null],
    ['a session the agent left with Start over', { ...idle, session, draftSessionId: '' }, BEGAN + 1, null],
    ['a session the form no longer names', { ...idle, session, draftSessionId: 'S-2' }, BEGAN + 1, null],
  ])('%s', (_name, state, now, expected) => {
    expect(liveUntil(state as CustomerState, now)).toBe(expected);
  });

  it('for the whole desk: the latest of its customers’', () => {
    expect(deskLiveUntil([idle, { ...idle, session, draftSessionId: 'S-1' }], BEGAN + 1)).toBe(END);
    expect(
      deskLiveUntil(
        [
          { ...idle, session, draftSessionId: 'S-1' },
          { ...idle, tokenHeld: true },
        ],
        BEGAN + 1,
      ),
    ).toBe(Number.POSITIVE_INFINITY);
    expect(deskLiveUntil([idle, idle], BEGAN + 1)).toBeNull();
    expect(deskLiveUntil([{ ...idle, session: { ...session, endedAt: BEGAN + 2 }, draftSessionId: 'S-1' }], BEGAN + 3)).toBeNull();
  });
});

function setup(state: CustomerState) {
  const deps = { deskState: async () => [idle, state], reload: vi.fn(), checkAt: vi.fn(), keepAlive: vi.fn(), now: () => BEGAN + 1 };
  return { deps, updater: createUpdater(deps) };
}

describe('applying a waiting update', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reloads for nothing while no update waits', async () => {
    const { deps, updater } = setup(idle);
    await updater.applyWhenIdle();
    expect(deps.reload).not.toHaveBeenCalled();
    expect(deps.keepAlive).toHaveBeenCalledWith(false);
  });

  it('keeps the worker up while a session is live, update or not, so that the browser holds an update back', async () => {
    const { deps, updater } = setup({ ...idle, session, draftSessionId: 'S-1' });
    await updater.applyWhenIdle();
    expect(deps.keepAlive).toHaveBeenCalledWith(true);
    expect(deps.checkAt).toHaveBeenCalledWith(END);
  });

  it('records the update, and applies it at once when nothing is live', async () => {
    const { deps, updater } = setup(idle);
    await updater.available('0.2.0');
    expect(await pendingUpdateItem.get()).toEqual({ version: '0.2.0' });
    await updater.applyWhenIdle();
    expect(deps.reload).toHaveBeenCalledOnce();
    expect(deps.keepAlive).toHaveBeenCalledWith(false);
  });

  it('waits while a token is held, with no timer: only the session’s end applies it', async () => {
    const { deps, updater } = setup({ ...idle, tokenHeld: true });
    await updater.available('0.2.0');
    await updater.applyWhenIdle();
    expect(deps.reload).not.toHaveBeenCalled();
    expect(deps.checkAt).not.toHaveBeenCalled();
    expect(deps.keepAlive).toHaveBeenCalledWith(true);
  });

  it('waits for the session’s 15 minutes, and asks to look again when they are up', async () => {
    const { deps, updater } = setup({ ...idle, session, draftSessionId: 'S-1' });
    await updater.available('0.2.0');
    await updater.applyWhenIdle();
    expect(deps.reload).not.toHaveBeenCalled();
    expect(deps.checkAt).toHaveBeenCalledWith(END);
  });
});

describe('what the background watches for a waiting update', () => {
  beforeEach(() => fakeBrowser.reset());

  it('looks again when the form names another session, not on every keystroke', async () => {
    const callback = vi.fn();
    watchLiveness(callback);
    const draft = {
      identifierType: 'MOBILE',
      identifierValue: '1',
      deviceId: 'd',
      brand: 'b',
      sessionId: 'S-1',
      otp: '',
      authorizedToken: '',
      firstFactorOtp: '',
      reference: '',
    } as const;
    await draftItem.set(draft);
    await draftItem.set({ ...draft, identifierValue: '18' });
    await draftItem.set({ ...draft, identifierValue: '187', otp: '1' });
    expect(callback).toHaveBeenCalledTimes(1);
    await draftItem.set({ ...draft, sessionId: '' });
    expect(callback).toHaveBeenCalledTimes(2);
    await pendingUpdateItem.set({ version: '0.2.0' });
    expect(callback).toHaveBeenCalledTimes(3);
  });
});
