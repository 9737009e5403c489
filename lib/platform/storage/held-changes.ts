// A page reads storage, then draws, then listens: what changed in between would be missed until the next change.
// Watching from before the read and holding what is heard until the page listens closes that gap (the popup's start,
// popup-start.ts, and the side panel's, entrypoints/sidepanel/main.tsx).

/**
 * Starts `watch` now and holds each change it hears until `listen` is called; the listener then gets the held ones
 * first, in order, and every later one as it comes. Each change carries its new value, so one also in the read is
 * only heard again.
 */
export function holdChanges<Change extends unknown[]>(watch: (callback: (...change: Change) => void) => () => void) {
  const held: Change[] = [];
  let deliver = (...change: Change) => {
    held.push(change);
  };
  const stop = watch((...change) => deliver(...change));
  return {
    listen(listener: (...change: Change) => void): () => void {
      for (const change of held.splice(0)) listener(...change);
      deliver = listener;
      return stop;
    },
  };
}
