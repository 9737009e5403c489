// Only the extension's own pages may talk to the background. A content script, another extension or a
// web page never gets an answer; there is deliberately no onMessageExternal listener.
import type { RejectionCode } from '@/lib/model/desk/rejection';

export const EXTENSION_PAGES = ['/popup.html', '/options.html', '/sidepanel.html'] as const;

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: unknown;
}

/** Why a sender is refused, or null when it is one of our pages. */
export function refuseSender(sender: SenderLike, self: { id: string; baseUrl: string }): RejectionCode | null {
  if (sender.id !== self.id) return 'other-extension';
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return 'no-page-url';
  }
  if (url.origin !== new URL(self.baseUrl).origin) return 'not-extension-page';
  if (!(EXTENSION_PAGES as readonly string[]).includes(url.pathname)) return 'not-our-page';
  // A page opened as a tab is allowed only as the tab's top frame: our pages are not web-accessible,
  // so a sender in a tab's sub-frame can only be something pretending to be us.
  if (sender.tab !== undefined && sender.frameId !== 0) return 'framed';
  return null;
}
