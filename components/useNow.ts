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
