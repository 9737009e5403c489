import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDesk } from '@/entrypoints/background/desk/desk';
import { createCapillaryApi } from '@/lib/capillary/client';
import { CLEAR_CLIPBOARD_ALARM } from '@/lib/platform/clipboard';
import { mayReach, watchHostsInUse } from '@/lib/platform/host-access';
import { log } from '@/lib/platform/log';
import { OPEN_PANEL_COMMAND, openPanel } from '@/lib/platform/panel';
import { moveEarlierSettings } from '@/lib/platform/settings/save';
import { currentSettings } from '@/lib/platform/settings/stored';
import { customerStore } from '@/lib/platform/storage/customer-store';
import { FORGET_SELECTION_ALARM, MAX_PENDING_JWT, PENDING_JWT_TTL_MS, pendingJwtItem } from '@/lib/platform/storage/panel-items';
import { t } from '@/lib/words/t';
import { BADGE_ALARM, showSessionBadge } from './badge';
import { cachedSettings } from './cached-settings';
import { browserClipboardClearer } from './clipboard-clear';
import { createRouter } from './router';
import { keepSnapshot } from './snapshot-keeper';
import { browserUpdater, UPDATE_ALARM, watchLiveness } from './update';

const DECODE_MENU = 'decode-jwt';

export default defineBackground(() => {
  const customer = customerStore();
  const desk = createDesk({
    api: (baseUrl) => createCapillaryApi({ baseUrl }),
    mayReach,
    settings: cachedSettings(),
    now: Date.now,
  });
  // One reload: "Install now" ends the session, which alone may set off the updater's reload too.
  let reloading = false;
  const reload = () => {
    if (!reloading) browser.runtime.reload();
    reloading = true;
  };
  const updater = browserUpdater(reload);
  // "Install now" ends the session as End session does (its token expired at its cluster), then applies the
  // update. The reply goes first: the reload ends this worker and the page that asked.
  const installUpdate = async () => {
    if (await customer.auth.get()) await desk.endSession();
    setTimeout(reload, 100);
    return { installing: true as const };
  };
  const clipboard = browserClipboardClearer();
  const clipboardCopied = ({ digest }: { digest: string }) => clipboard.copied(digest);
  const route = createRouter({ ...desk, installUpdate, clipboardCopied }, () => ({
    id: browser.runtime.id,
    baseUrl: browser.runtime.getURL('/'),
  }));
  browser.runtime.onMessage.addListener(route);
  keepSnapshot();

  // An update waits while a session is live, and the worker stays up meanwhile (lib/platform/update.ts): looked at
  // again whenever the session, token, first factor, form or the waiting update change, when the session's time is
  // up, and when the worker starts.
  browser.runtime.onUpdateAvailable.addListener(({ version }) => void updater.available(version));
  const applyUpdateWhenIdle = () => void updater.applyWhenIdle().catch((error) => log.warn('an update could not be looked at', error));
  watchLiveness(applyUpdateWhenIdle);
  applyUpdateWhenIdle();

  // The badge follows the session and token in storage.session, whichever call or page changed them, on start-up,
  // and when the session's time is up (an alarm).
  const refreshBadge = () =>
    void Promise.all([customer.session.get(), customer.auth.get()])
      .then(([session, auth]) => showSessionBadge(session, auth !== null))
      .catch((error) => log.warn('the badge could not be shown', error));
  customer.session.watch(refreshBadge);
  customer.auth.watch(refreshBadge);
  refreshBadge();

  watchHostsInUse(() => Promise.all([currentSettings(), customer.auth.get().then((auth) => auth?.apiBaseUrl)]));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) applyUpdateWhenIdle();
    if (alarm.name === BADGE_ALARM) refreshBadge();
    if (alarm.name === FORGET_SELECTION_ALARM) void pendingJwtItem.set(null);
    if (alarm.name === CLEAR_CLIPBOARD_ALARM) clipboard.clear().catch((error) => log.warn('the clipboard could not be cleared', error));
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: DECODE_MENU, title: t('decodeJwtMenu'), contexts: ['selection'] });
    moveEarlierSettings().catch((error) => log.warn('settings were not moved to storage.sync', error));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== DECODE_MENU) return;
    // Opening the panel must come first, while the click still counts as the user's action.
    openPanel(tab?.windowId).catch(reportPanelFailure);
    void pendingJwtItem.set({ text: (info.selectionText ?? '').slice(0, MAX_PENDING_JWT), at: Date.now() });
    void browser.alarms.create(FORGET_SELECTION_ALARM, { delayInMinutes: PENDING_JWT_TTL_MS / 60_000 });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PANEL_COMMAND) openPanel(tab?.windowId).catch(reportPanelFailure);
  });
});

function reportPanelFailure(error: unknown) {
  log.warn('the side panel could not be opened', error);
}
