// Only the extension's own pages may talk to the background. A content script, another extension or a
// web page never gets an answer; there is deliberately no onMessageExternal listener.
export const EXTENSION_PAGES = ['/popup.html', '/options.html', '/sidepanel.html'] as const;

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: unknown;
}

/** Why a sender is refused, or null when it is one of our pages. */
export function refuseSender(sender: SenderLike, self: { id: string; baseUrl: string }): string | null {
  if (sender.id !== self.id) return 'the message did not come from this extension';
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return 'the sender has no page URL';
  }
  if (url.origin !== new URL(self.baseUrl).origin) return 'the sender is not an extension page';
  if (!(EXTENSION_PAGES as readonly string[]).includes(url.pathname)) return 'the sender is not one of the extension’s pages';
  // A page opened as a tab is allowed only as the tab's top frame: our pages are not web-accessible,
  // so a sender in a tab's sub-frame can only be something pretending to be us.
  if (sender.tab !== undefined && sender.frameId !== 0) return 'the sender is framed inside a tab';
  return null;
}
