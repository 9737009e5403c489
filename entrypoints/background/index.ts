import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDesk } from '@/entrypoints/background/desk/desk';
import { createCapillaryApi } from '@/lib/capillary/client';
import { viewCustomer } from '@/lib/model/desk/customer-view';
import { CLEAR_CLIPBOARD_ALARM } from '@/lib/platform/clipboard';
import { mayReach, watchHostsInUse } from '@/lib/platform/host-access';
import { log } from '@/lib/platform/log';
import { OPEN_PANEL_COMMAND, openPanel } from '@/lib/platform/panel';
import { moveEarlierSettings } from '@/lib/platform/settings/save';
import { currentSettings } from '@/lib/platform/settings/stored';
import { RECORD_KEYS } from '@/lib/platform/storage/customer-store';
import { FORGET_SELECTION_ALARM, MAX_PENDING_JWT, PENDING_JWT_TTL_MS, pendingJwtItem } from '@/lib/platform/storage/panel-items';
import { t } from '@/lib/words/t';
import { BADGE_ALARM, showDeskBadge } from './badge';
import { cachedSettings } from './cached-settings';
import { browserClipboardClearer } from './clipboard-clear';
import { coalesced } from './coalesced';
import { IDLE_ALARM, idleDue } from './idle';
import { createRouter } from './router';
import { keepSnapshot } from './snapshot-keeper';
import { browserUpdater, UPDATE_ALARM, watchLiveness } from './update';
import { useAsCustomer } from './use-as-customer';

const DECODE_MENU = 'decode-jwt';
/** How long the badge, the idle time and a waiting update let a call (or the worker's start) go first. */
const BOOKKEEPING_MS = 200;
const CUSTOMER_MENU = 'use-as-customer';

export default defineBackground(() => {
  const settings = cachedSettings();
  const desk = createDesk({ api: (baseUrl) => createCapillaryApi({ baseUrl }), mayReach, settings, now: Date.now });
  // A worker is mostly started by a click's message: what the call will read is read while the message is on its way.
  Promise.all([settings(), desk.recall()]).catch((error) => log.warn('the desk could not be read at start', error));
  // One reload: "Install now" ends the sessions, which alone may set off the updater's reload too.
  let reloading = false;
  const reload = () => {
    if (!reloading) browser.runtime.reload();
    reloading = true;
  };
  const updater = browserUpdater(reload);
  // "Install now" ends every customer's session as End session does (each token expired at its cluster), then
  // applies the update. The reply goes first: the reload ends this worker and the page that asked.
  const installUpdate = async () => {
    const holding = (await desk.customers()).filter((customer) => customer.auth);
    await Promise.all(holding.map((customer) => desk.endSession({ customerId: customer.id })));
    await desk.settled();
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

  // An update waits while a session is live, and the worker stays up meanwhile (update.ts): looked at again whenever
  // a customer's record or form's Session ID or the waiting update change, when a session's time is up, and when the
  // worker starts.
  browser.runtime.onUpdateAvailable.addListener(({ version }) => void updater.available(version));
  const applyUpdateWhenIdle = coalesced(
    () => void updater.applyWhenIdle().catch((error) => log.warn('an update could not be looked at', error)),
    BOOKKEEPING_MS,
  );
  watchLiveness(applyUpdateWhenIdle);
  applyUpdateWhenIdle();

  // The badge and the idle time follow the customers' records, whichever call or page changed them, on start-up,
  // on a change of Settings, and when a verification, session or idle time ends (alarms).
  const lookAtDesk = coalesced(
    () =>
      void Promise.all([desk.customers(), settings()])
        .then(async ([customers, current]) => {
          const { due, next } = idleDue(customers, current.idleMinutes, Date.now());
          if (next !== null) await browser.alarms.create(IDLE_ALARM, { when: next });
          else await browser.alarms.clear(IDLE_ALARM);
          await Promise.all(due.map((customerId) => desk.endIdleSession(customerId)));
          await showDeskBadge(customers.map(viewCustomer));
        })
        .catch((error) => log.warn('the desk could not be looked at', error)),
    BOOKKEEPING_MS,
  );
  browser.storage.onChanged.addListener((changes, area) => {
    const settingsChanged = area === 'sync' || area === 'managed';
    if (settingsChanged || (area === 'session' && RECORD_KEYS.some((key) => key in changes))) lookAtDesk();
  });
  lookAtDesk();

  watchHostsInUse(async () => [
    await currentSettings(),
    (await desk.customers()).flatMap((customer) => (customer.auth ? [customer.auth.apiBaseUrl] : [])),
  ]);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) applyUpdateWhenIdle();
    if (alarm.name === BADGE_ALARM || alarm.name === IDLE_ALARM) lookAtDesk();
    if (alarm.name === FORGET_SELECTION_ALARM) void pendingJwtItem.set(null);
    if (alarm.name === CLEAR_CLIPBOARD_ALARM) clipboard.clear().catch((error) => log.warn('the clipboard could not be cleared', error));
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: DECODE_MENU, title: t('decodeJwtMenu'), contexts: ['selection'] });
    browser.contextMenus.create({ id: CUSTOMER_MENU, title: t('useAsCustomerMenu'), contexts: ['selection'] });
    moveEarlierSettings().catch((error) => log.warn('settings were not moved to storage.sync', error));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CUSTOMER_MENU) {
      // MFA Desk opens first, while the click still counts as the user's action.
      void openFromMenu(tab?.windowId);
      void useAsCustomer(info.selectionText ?? '', { newCustomer: desk.newCustomer, settings }).catch((error) =>
        log.warn('the selection could not be used as a customer', error),
      );
      return;
    }
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

/**
 * The popup where the browser has action.openPopup, else the side panel. Chosen before any await: both browsers open
 * either only while the menu click still counts as the user's action.
 */
function openFromMenu(windowId: number | undefined): Promise<void> {
  const action = browser.action as typeof browser.action & { openPopup?: (options?: { windowId?: number }) => Promise<void> };
  const opening = action.openPopup ? action.openPopup(windowId === undefined ? undefined : { windowId }) : openPanel(windowId);
  return opening.catch(reportPanelFailure);
}

function reportPanelFailure(error: unknown) {
  log.warn('MFA Desk could not be opened', error);
}
