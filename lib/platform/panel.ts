// What differs between Chrome and Firefox lives here and in wxt.config.ts's manifest; everything else is shared.
// Chrome has a side panel (chrome.sidePanel, which webextension-polyfill does not wrap); Firefox has a sidebar.
import { nativeBrowser } from '@/lib/platform/native';
import { t } from '@/lib/words/t';

/** WXT types `browser` after Chrome's API, which has no sidebarAction. */
interface FirefoxBrowser {
  sidebarAction: { open(): Promise<void> };
}

/** The keyboard command that opens the panel; Firefox opens its sidebar for this one by itself. */
export const OPEN_PANEL_COMMAND = import.meta.env.FIREFOX ? '_execute_sidebar_action' : 'open-side-panel';

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) in a window. Both browsers allow it only from a user action,
 * so call it straight from the click, menu or command handler, before any `await`.
 */
export function openPanel(windowId: number | undefined): Promise<void> {
  if (import.meta.env.FIREFOX) return (nativeBrowser as unknown as FirefoxBrowser).sidebarAction.open();
  if (!globalThis.chrome?.sidePanel || windowId === undefined) return Promise.reject(new Error(t('noSidePanel')));
  return chrome.sidePanel.open({ windowId });
}
