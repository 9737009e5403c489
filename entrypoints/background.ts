import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCapillaryApi } from '@/lib/capillary/client';
import { createDesk } from '@/lib/desk/desk';
import { mfaSessionItem } from '@/lib/desk/session';
import { t } from '@/lib/i18n/t';
import { log } from '@/lib/log';
import { createRouter } from '@/lib/messaging/router';
import { showSessionBadge } from '@/lib/platform/badge';
import { mayReach } from '@/lib/platform/host-access';
import { OPEN_PANEL_COMMAND, openPanel } from '@/lib/platform/panel';
import { cachedSettings } from '@/lib/settings/cached';
import { moveEarlierSettings } from '@/lib/settings/save';
import { authItem } from '@/lib/storage/items';
import { MAX_PENDING_JWT, pendingJwtItem } from '@/lib/storage/panel-items';

const DECODE_MENU = 'decode-jwt';

export default defineBackground(() => {
  const desk = createDesk({
    api: (baseUrl) => createCapillaryApi({ baseUrl }),
    mayReach,
    settings: cachedSettings(),
    now: Date.now,
  });
  const route = createRouter(desk, () => ({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }));
  browser.runtime.onMessage.addListener(route);

  // The badge follows the session and token in storage.session, whichever call or page changed them.
  // On start-up too: a restarted worker re-arms the timer that clears the badge when the session's time is up.
  const refreshBadge = () =>
    void Promise.all([mfaSessionItem.get(), authItem.get()])
      .then(([session, auth]) => showSessionBadge(session, auth !== null))
      .catch((error) => log.warn('badge:', error));
  mfaSessionItem.watch(refreshBadge);
  authItem.watch(refreshBadge);
  refreshBadge();

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: DECODE_MENU, title: t('decodeJwtMenu'), contexts: ['selection'] });
    moveEarlierSettings().catch((error) => log.warn('settings not moved to storage.sync:', error));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== DECODE_MENU) return;
    // Opening the panel must come first, while the click still counts as the user's action.
    openPanel(tab?.windowId).catch(reportPanelFailure);
    void pendingJwtItem.set({ text: (info.selectionText ?? '').slice(0, MAX_PENDING_JWT), at: Date.now() });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PANEL_COMMAND) openPanel(tab?.windowId).catch(reportPanelFailure);
  });
});

function reportPanelFailure(error: unknown) {
  log.warn('could not open the side panel:', error);
}
