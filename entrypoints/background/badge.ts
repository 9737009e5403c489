// The toolbar icon's badge: how many customers are verified right now (a dot while only sessions are open), so an
// agent sees it without opening anything, and a tooltip that says so.
import { browser } from 'wxt/browser';
import { type CustomerView, phaseOf } from '@/lib/model/desk/customer-view';
import { t } from '@/lib/words/t';

export const ACTIVE_BADGE = '●';

/** The alarm that looks again when a customer's verification or session ends: an alarm outlives a stopped worker. */
export const BADGE_ALARM = 'badge';

/** What the badge says, and when that changes next (a verification or session ending), given the desk's customers. */
export function badgeOf(customers: CustomerView[], now: number): { verified: number; open: number; next: number | null } {
  let verified = 0;
  let open = 0;
  let next = Number.POSITIVE_INFINITY;
  for (const customer of customers) {
    const phase = phaseOf(customer, now);
    if (phase.phase === 'verified') verified++;
    if (phase.phase === 'waiting' || phase.phase === 'session') open++;
    if ('until' in phase) next = Math.min(next, phase.until);
  }
  return { verified, open, next: Number.isFinite(next) ? next : null };
}

/** Shows the count and its tooltip, or clears both back to the extension's name; arranges to look again. */
export async function showDeskBadge(customers: CustomerView[], now = Date.now()): Promise<void> {
  const { verified, open, next } = badgeOf(customers, now);
  await browser.action.setBadgeText({ text: verified > 0 ? String(verified) : open > 0 ? ACTIVE_BADGE : '' });
  await browser.action.setTitle({
    title: verified > 0 ? t('badgeVerified', verified) : open > 0 ? t('badgeSessionActive') : t('extName'),
  });
  if (verified + open > 0) await browser.action.setBadgeBackgroundColor({ color: '#1a7f37' });
  if (next !== null) await browser.alarms.create(BADGE_ALARM, { when: next });
  else await browser.alarms.clear(BADGE_ALARM);
}
