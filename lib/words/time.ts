// How long ago something happened, and how long is left, in the agent's language.
import { t } from './t';

/** "just now", "40 s ago", "3 min ago", "2 h ago": how long ago something happened, for a status line. */
export function ago(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 5) return t('justNow');
  if (seconds < 60) return t('secondsAgo', seconds);
  if (seconds < 3600) return t('minutesAgo', Math.floor(seconds / 60));
  return t('hoursAgo', Math.floor(seconds / 3600));
}

/** "14 min 05 s", "2 h 03 min", "45 s": a span of time for a countdown. */
export function span(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return t('spanHours', h, String(m).padStart(2, '0'));
  if (m > 0) return t('spanMinutes', m, String(s).padStart(2, '0'));
  return t('spanSeconds', s);
}
