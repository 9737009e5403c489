import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_ALARM, badgeOf, showDeskBadge } from '@/entrypoints/background/badge';
import type { CustomerView } from '@/lib/model/desk/customer-view';
import { emptyView } from '../../fixtures/snapshot';

const BEGAN = 1_000_000;
const ENDS = BEGAN + 15 * 60_000;
const open = (id: string): CustomerView => ({ ...emptyView(id), sessionEndsAt: ENDS });
const verified = (id: string, until: number): CustomerView => ({ ...open(id), hasToken: true, validatedAt: BEGAN, verifiedUntil: until });

describe('the toolbar badge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts the customers verified right now, not those whose verification ended or who are still waiting', () => {
    const desk = [verified('0:0', ENDS), verified('1:1', BEGAN + 60_000), open('2:2'), emptyView('3:3')];
    expect(badgeOf(desk, BEGAN + 1)).toEqual({ verified: 2, open: 1, next: BEGAN + 60_000 });
    expect(badgeOf(desk, BEGAN + 60_000)).toEqual({ verified: 1, open: 1, next: ENDS });
    expect(badgeOf(desk, ENDS)).toEqual({ verified: 0, open: 0, next: null });
  });

  it('shows the count with a tooltip, and looks again when the next verification ends, with an alarm', async () => {
    await showDeskBadge([verified('0:0', ENDS), verified('1:1', ENDS), verified('2:2', ENDS)], BEGAN + 1);
    expect(await browser.action.getBadgeText({})).toBe('3');
    expect(await browser.action.getTitle({})).toBe('MFA Desk: customers verified now: 3');
    expect(await browser.alarms.get(BADGE_ALARM)).toMatchObject({ scheduledTime: ENDS });
  });

  it('shows a dot while a session is open and nobody is verified yet', async () => {
    await showDeskBadge([open('0:0')], BEGAN + 1);
    expect(await browser.action.getBadgeText({})).toBe('●');
    expect(await browser.action.getTitle({})).toBe('MFA Desk: an MFA session is active');
  });

  it('clears the badge and puts the tooltip back to the extension’s name when nothing is live', async () => {
    await showDeskBadge([verified('0:0', ENDS)], BEGAN + 1);
    await showDeskBadge([verified('0:0', ENDS)], ENDS);
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await browser.action.getTitle({})).toBe('MFA Desk');
    expect(await browser.alarms.get(BADGE_ALARM)).toBeUndefined();
  });
});
