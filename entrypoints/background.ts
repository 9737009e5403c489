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
import { createUpdater, HEARTBEAT_MS, pendingUpdateItem, UPDATE_ALARM } from '@/lib/platform/update';
import { cachedSettings } from '@/lib/settings/cached';
import { moveEarlierSettings } from '@/lib/settings/save';
import { authItem, draftItem, firstFactorItem } from '@/lib/storage/items';
import { MAX_PENDING_JWT, pendingJwtItem } from '@/lib/storage/panel-items';

const DECODE_MENU = 'decode-jwt';

export default defineBackground(() => {
  const desk = createDesk({
    api: (baseUrl) => createCapillaryApi({ baseUrl }),
    mayReach,
    settings: cachedSettings(),
    now: Date.now,
  });
  // One reload: "Install now" ends the session, which alone may set off the updater's reload too.
  let reloading = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const reload = () => {
    if (!reloading) browser.runtime.reload();
    reloading = true;
  };
  const updater = createUpdater({
    deskState: async () => {
      const [session, auth, firstFactor, draft] = await Promise.all([
        mfaSessionItem.get(),
        authItem.get(),
        firstFactorItem.get(),
        draftItem.get(),
      ]);
      return { session, tokenHeld: auth !== null, firstFactorUnderWay: firstFactor !== null, draftSessionId: draft?.sessionId ?? '' };
    },
    reload,
    checkAt: (when) => void browser.alarms.create(UPDATE_ALARM, { when }),
    keepAlive: (on) => {
      if (on) {
        heartbeat ??= setInterval(() => void browser.runtime.getPlatformInfo(), HEARTBEAT_MS);
      } else {
        clearInterval(heartbeat);
        heartbeat = undefined;
      }
    },
    now: Date.now,
  });
  // "Install now" ends the session as End session does (its token expired at its cluster), then applies the
  // update. The reply goes first: the reload ends this worker and the page that asked.
  const installUpdate = async () => {
    if (await authItem.get()) await desk.endSession();
    setTimeout(reload, 100);
    return { installing: true as const };
  };
  const route = createRouter({ ...desk, installUpdate }, () => ({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }));
  browser.runtime.onMessage.addListener(route);

  // An update waits while a session is live, and the worker stays up meanwhile (lib/platform/update.ts): looked at
  // again whenever the session, token, first factor, form or the waiting update change, when the session's time is
  // up, and when the worker starts.
  browser.runtime.onUpdateAvailable.addListener(({ version }) => void updater.available(version));
  const applyUpdateWhenIdle = () => void updater.applyWhenIdle().catch((error) => log.warn('update:', error));
  for (const item of [pendingUpdateItem, mfaSessionItem, authItem, firstFactorItem, draftItem]) item.watch(applyUpdateWhenIdle);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) applyUpdateWhenIdle();
  });
  applyUpdateWhenIdle();

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
