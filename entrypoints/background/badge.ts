// The toolbar icon's badge: a small dot while an MFA session is active, so an agent sees one is open without
// opening anything, and a tooltip that says so.
import { browser } from 'wxt/browser';
import { SESSION_MINUTES } from '@/lib/model/capillary/defaults';
import type { MfaSession } from '@/lib/model/desk/session';
import { t } from '@/lib/words/t';

export const ACTIVE_BADGE = '●';

/** Until when a session counts as active: its 15 minutes, or for as long as its token is held (until End session). */
export function activeUntil(session: MfaSession | null, tokenHeld: boolean, now: number): number | null {
  if (tokenHeld) return Number.POSITIVE_INFINITY;
  const ends = session ? session.beganAt + SESSION_MINUTES * 60_000 : 0;
  return ends > now ? ends : null;
}

/** The alarm that looks again when the session's time is up: an alarm outlives a stopped worker, a timer does not. */
export const BADGE_ALARM = 'badge';

/**
 * Shows the badge and its tooltip while a session is active, or clears both back to the extension's name, in the
 * agent's language; arranges to look again when the session's time is up.
 */
export async function showSessionBadge(session: MfaSession | null, tokenHeld: boolean, now = Date.now()): Promise<void> {
  const until = activeUntil(session, tokenHeld, now);
  await browser.action.setBadgeText({ text: until ? ACTIVE_BADGE : '' });
  await browser.action.setTitle({ title: t(until ? 'badgeSessionActive' : 'extName') });
  if (until) await browser.action.setBadgeBackgroundColor({ color: '#1a7f37' });
  if (until && Number.isFinite(until)) await browser.alarms.create(BADGE_ALARM, { when: until });
  else await browser.alarms.clear(BADGE_ALARM);
}
