// A verified customer with no call for the idle time Settings give (default 15 minutes) has its session ended at
// Capillary, filed as "ended automatically". Timed with an alarm, which outlives a stopped worker and a closed popup.
import { INTERRUPTED_AFTER_MS } from '@/lib/model/desk/activity-view';
import type { CustomerRecord } from '@/lib/model/desk/stored';

export const IDLE_ALARM = 'end-idle-sessions';

/** Which verified customers' idle time is up, and when the next one's will be. */
export function idleDue(customers: CustomerRecord[], idleMinutes: number, now: number): { due: string[]; next: number | null } {
  const due: string[] = [];
  let next = Number.POSITIVE_INFINITY;
  if (idleMinutes <= 0) return { due, next: null };
  for (const customer of customers) {
    const busy = customer.activity.inflight && now - customer.activity.inflight.startedAt < INTERRUPTED_AFTER_MS;
    if (!customer.auth || busy) continue;
    const at = customer.lastActiveAt + idleMinutes * 60_000;
    if (at <= now) due.push(customer.id);
    else next = Math.min(next, at);
  }
  return { due, next: Number.isFinite(next) ? next : null };
}
