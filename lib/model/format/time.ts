// Times as agents paste them into tickets: pure, for every page and the CSV alike. How long ago, and how long left, in
// words: lib/words/time.ts.
/** `YYYY-MM-DDTHH:MM:SSZ`, the form agents paste into tickets. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The agent's own clock, with its zone. */
export function localTime(ms: number): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelt out.
  return new Date(ms).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });
}

/** "14:58": minutes and seconds left, never below 0:00. */
export function minutesSeconds(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
