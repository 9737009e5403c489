// The toolbar icon's badge: a small dot while an MFA session is active, so an agent sees one is open without
// opening anything.
import { browser } from 'wxt/browser';
import { SESSION_MINUTES } from '@/lib/capillary/defaults';
import type { MfaSession } from '@/lib/desk/session';

export const ACTIVE_BADGE = '●';

/** Until when a session counts as active: its 15 minutes, or for as long as its token is held (until End session). */
export function activeUntil(session: MfaSession | null, tokenHeld: boolean, now: number): number | null {
  if (tokenHeld) return Number.POSITIVE_INFINITY;
  const ends = session ? session.beganAt + SESSION_MINUTES * 60_000 : 0;
  return ends > now ? ends : null;
}

let clear: ReturnType<typeof setTimeout> | undefined;

/** Shows or clears the badge, and clears it when the session's time is up (while the worker lives). */
export async function showSessionBadge(session: MfaSession | null, tokenHeld: boolean, now = Date.now()): Promise<void> {
  clearTimeout(clear);
  const until = activeUntil(session, tokenHeld, now);
  await browser.action.setBadgeText({ text: until ? ACTIVE_BADGE : '' });
  if (!until) return;
  await browser.action.setBadgeBackgroundColor({ color: '#1a7f37' });
  await browser.action.setTitle({ title: 'MFA Desk: an MFA session is active' });
  if (Number.isFinite(until)) clear = setTimeout(() => void showSessionBadge(null, false), until - now);
}
