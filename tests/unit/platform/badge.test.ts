import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeUntil, BADGE_ALARM, showSessionBadge } from '@/entrypoints/background/badge';
import type { MfaSession } from '@/lib/model/desk/session';

const session = { beganAt: 1_000_000 } as MfaSession;

describe('the session badge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is on for the session’s 15 minutes, for as long as a token is held, and off otherwise', () => {
    expect(activeUntil(session, false, 1_000_000 + 60_000)).toBe(1_000_000 + 15 * 60_000);
    expect(activeUntil(session, false, 1_000_000 + 15 * 60_000)).toBeNull();
    expect(activeUntil(null, true, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(activeUntil(null, false, 5)).toBeNull();
  });

  it('says a session is active in its tooltip, and looks again when its time is up with an alarm, not a timer', async () => {
    await showSessionBadge(session, false, 1_000_000 + 60_000);
    expect(await browser.action.getBadgeText({})).toBe('●');
    expect(await browser.action.getTitle({})).toBe('MFA Desk: an MFA session is active');
    expect(await browser.alarms.get(BADGE_ALARM)).toMatchObject({ scheduledTime: 1_000_000 + 15 * 60_000 });
  });

  it('keeps no alarm while a token is held (until End session)', async () => {
    await showSessionBadge(session, true, 1_000_000 + 60_000);
    expect(await browser.action.getBadgeText({})).toBe('●');
    expect(await browser.alarms.get(BADGE_ALARM)).toBeUndefined();
  });

  it('clears the badge and puts the tooltip back to the extension’s name when nothing is active', async () => {
    await showSessionBadge(session, false, 1_000_000 + 60_000);
    await showSessionBadge(session, false, 1_000_000 + 15 * 60_000);
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await browser.action.getTitle({})).toBe('MFA Desk');
    expect(await browser.alarms.get(BADGE_ALARM)).toBeUndefined();
  });
});
