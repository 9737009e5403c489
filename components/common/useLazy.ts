import { useEffect, useState } from 'preact/hooks';

/**
 * A part of a page loaded the first time it is needed, so that it weighs nothing before the page is ready:
 * null until then (and whenever it is not needed).
 */
export function useLazy<T>(load: () => Promise<T>, needed: boolean): T | null {
  const [loaded, setLoaded] = useState<{ value: T } | null>(null);
  useEffect(() => {
    if (needed && !loaded) load().then((value) => setLoaded({ value }));
  }, [needed]);
  return needed && loaded ? loaded.value : null;
}
