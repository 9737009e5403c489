import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `everyMs` while `running`: drives countdowns and "x s ago". */
export function useNow(running: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [running, everyMs]);
  return now;
}

/** Whole seconds left until `until`, never negative: a countdown's figure. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}
