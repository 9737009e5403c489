// Copying a token or key: the clipboard is cleared 60 s later, but only if it still holds what was copied, so
// whatever the agent copied since is never lost. Reading it back is what the clipboardRead permission is for: an
// optional permission, asked for on the first Copy, never at install. Without it nothing is cleared blindly.

export const CLEAR_AFTER_MS = 60_000;

/** How the clearing ended: done, not needed (the clipboard holds something else now), or not possible. */
export type Cleared = 'cleared' | 'changed' | 'failed';

export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface ClearDeps {
  clipboard: Clipboard;
  wait(ms: number): Promise<void>;
  /** Resolves the next time the page has focus: browsers let a page use the clipboard only then. */
  focused(): Promise<void>;
  /** Whether the clipboard may be read back (the agent granted clipboardRead). */
  mayRead: Promise<boolean>;
}

/** Copies `text`; the returned promise says, 60 s later, whether the clipboard was cleared. */
export async function copySecret(text: string, deps: ClearDeps): Promise<{ cleared: Promise<Cleared> }> {
  await deps.clipboard.writeText(text);
  return { cleared: deps.wait(CLEAR_AFTER_MS).then(() => clearIfStill(text, deps)) };
}

async function clearIfStill(text: string, deps: ClearDeps, retried = false): Promise<Cleared> {
  if (!(await deps.mayRead)) return 'failed';
  try {
    if ((await deps.clipboard.readText()) !== text) return 'changed';
    await deps.clipboard.writeText('');
    return 'cleared';
  } catch {
    // Most often the page is not focused (the agent is in another window): try once more when it is.
    if (retried) return 'failed';
    await deps.focused();
    return clearIfStill(text, deps, true);
  }
}

/**
 * The browser's clipboard, timers and focus, for a page. Call it in the Copy click itself: the browser asks the
 * agent for clipboardRead only during a user action (granted already: it answers at once, without asking).
 */
export const pageClearDeps = (requestRead: () => Promise<boolean>): ClearDeps => ({
  mayRead: requestRead().catch(() => false),
  clipboard: navigator.clipboard,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  focused: () =>
    document.hasFocus() ? Promise.resolve() : new Promise((resolve) => window.addEventListener('focus', () => resolve(), { once: true })),
});
