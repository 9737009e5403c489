import { render } from 'preact';
import { browser } from 'wxt/browser';
import { openPanel } from '@/lib/platform/panel';
import { loadSettings } from '@/lib/settings/stored';
import {
  activityItem,
  authItem,
  cooldownsItem,
  type Draft,
  draftItem,
  type FirstFactor,
  firstFactorItem,
  screenShareItem,
} from '@/lib/storage/items';
import { App, type FirstFactorView, type PopupClient } from './App';
import '@/components/desk.css';
import { applyPageLanguage } from '@/lib/i18n/page';

applyPageLanguage('extName');

// Chrome opens a side panel only for a known window and only from a user action, so the window is looked up
// before the click and the click calls open() at once.
let windowId: number | undefined;

/** The popup never holds the first factor's token: only for whom it is and whether it is verified. */
const firstFactorView = (firstFactor: FirstFactor | null): FirstFactorView | null =>
  firstFactor && { apiBaseUrl: firstFactor.apiBaseUrl, customer: firstFactor.customer, verified: Boolean(firstFactor.authorizedToken) };

// Asking is loaded once the form is on screen (see start), not before: it is needed only from the first click.
const loadAsk = () => import('@/lib/messaging/ask').then((module) => module.ask);

const client: PopupClient = {
  ask: (type, request) => loadAsk().then((ask) => ask(type, request)),
  saveDraft: (draft) => void draftItem.set(draft),
  setScreenShare: (on) => void screenShareItem.set(on),
  watch(callback) {
    const stops = [
      activityItem.watch((activity) => callback({ activity })),
      cooldownsItem.watch((cooldowns) => callback({ cooldowns })),
      authItem.watch((auth) => callback({ hasToken: auth !== null })),
      firstFactorItem.watch((firstFactor) => callback({ firstFactor: firstFactorView(firstFactor) })),
      screenShareItem.watch((screenShare) => callback({ screenShare })),
    ];
    // Settings rarely change while the popup is open (another synced machine, a new policy): their watcher loads
    // after the form is ready, and the band and the next call follow.
    let closed = false;
    void import('@/lib/settings/watch').then(({ watchSettings }) => {
      if (!closed) stops.push(watchSettings(({ settings }) => callback({ settings })));
    });
    return () => {
      closed = true;
      for (const stop of stops) stop();
    };
  },
  openSettings: () => void browser.runtime.openOptionsPage(),
  openPanel: () => openPanel(windowId),
  close: () => window.close(),
};

async function start() {
  browser.windows.getCurrent().then((current) => {
    windowId = current.id;
  });
  const [{ settings, notice }, draft, activity, cooldowns, auth, firstFactor, screenShare] = await Promise.all([
    loadSettings(),
    draftItem.get(),
    activityItem.get(),
    cooldownsItem.get(),
    authItem.get(),
    firstFactorItem.get(),
    screenShareItem.get(),
  ]);
  // Brand and device ID come from Settings until the agent types their own.
  const initialDraft: Draft = draft ?? {
    identifierType: 'MOBILE',
    identifierValue: '',
    deviceId: settings.deviceId,
    brand: settings.brand,
    sessionId: '',
    otp: '',
    authorizedToken: '',
    firstFactorOtp: '',
  };
  render(
    <App
      initial={{
        settings,
        settingsNotice: notice,
        draft: initialDraft,
        activity,
        cooldowns,
        hasToken: auth !== null,
        firstFactor: firstFactorView(firstFactor),
        screenShare,
      }}
      client={client}
    />,
    document.getElementById('app')!,
  );
  void loadAsk();
  // An update waiting for the session to end: its notice loads after the form is ready.
  void import('@/lib/platform/update-notice').then((notice) => notice.showUpdateNotice());
}

start();
