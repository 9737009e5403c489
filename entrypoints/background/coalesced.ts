/**
 * `work` run once, `ms` after the first of any number of calls meanwhile: the worker's bookkeeping (badge, idle time,
 * a waiting update, the popup's snapshot) follows a call without queueing its storage reads in front of the call's own.
 */
export function coalesced(work: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      work();
    }, ms);
  };
}
