// A lazily loaded module, asked for many times: the first call imports it, every later call gets the same promise.
// A settled promise answers in a microtask, whereas each new import() of a module already loaded resolves a task
// later, after the browser has drawn a frame: the popup's Send OTP went out ~8 ms late for it (trace of a click).
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}
