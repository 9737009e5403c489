import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, for countdowns and "x s ago": read afresh on every render, and a render every `everyMs` while
 * `running`. Nothing renders again when the page opens (a state set in an effect would draw the page twice).
 */
export function useNow(running: boolean, everyMs = 1000): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => tick((ticks) => ticks + 1), everyMs);
    return () => clearInterval(timer);
  }, [running, everyMs]);
  return Date.now();
}

/** Whole seconds left until `until`, never negative: a countdown's figure. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}
