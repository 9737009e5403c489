/** Runs changes one after another: each read-change-write of a shared value sees the one before it. */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(change: () => Promise<T>): Promise<T> => {
    const run = tail.then(change);
    tail = run.catch(() => undefined);
    return run;
  };
}
