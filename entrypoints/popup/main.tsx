// The popup draws itself from one storage.session read (the background's snapshot and the form, popup-snapshot.ts),
// started by entrypoints/popup-read.ts before this module has loaded. It never waits on the background, and builds no
// schema before it is ready: asking, the settings notice and, when no background has written a snapshot yet since the
// browser started, reading storage in full all load on demand.
import { render } from 'preact';
import { loadOnce } from '@/components/common/load-once';
import {
  DRAFT_KEY,
  POPUP_READ_KEYS,
  type PopupReadGlobal,
  type PopupSnapshot,
  readDraft,
  readSnapshot,
  SCREEN_SHARE_KEY,
  SNAPSHOT_KEY,
} from '@/lib/model/desk/popup-snapshot';
import type { Draft } from '@/lib/model/desk/stored';
import { nativeBrowser as browser } from '@/lib/platform/native';
import { openPanel } from '@/lib/platform/panel';
import { App } from './App';
import type { PopupClient, Watched } from './client';
import '@/components/common/base.css';
import '@/components/popup/popup.css';
import { applyPageLanguage } from '@/lib/words/page';

applyPageLanguage('extName');

// Chrome opens a side panel only for a known window and only from a user action, so the window is looked up
// before the click and the click calls open() at once.
let windowId: number | undefined;

// Asking is loaded once the form is on screen (see start), not before: it is needed only from the first click.
const loadAsk = loadOnce(() => import('@/lib/messaging/ask').then((module) => module.ask));

const watchedOf = ({ settings, activity, cooldowns, hasToken, firstFactor, screenShare }: PopupSnapshot): Watched => ({
  settings,
  activity,
  cooldowns,
  hasToken,
  firstFactor,
  screenShare,
});

const client: PopupClient = {
  ask: (type, request) => loadAsk().then((ask) => ask(type, request)),
  // The form is the popup's own: whoever reads it back parses it (draftItem).
  saveDraft: (draft) => void browser.storage.session.set({ [DRAFT_KEY]: draft }),
  setScreenShare: (on) => void browser.storage.local.set({ [SCREEN_SHARE_KEY]: on }),
  watch(callback) {
    // One value carries every change the popup follows, settings included: the band never disagrees with where
    // the next call goes.
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const snapshot = area === 'session' && SNAPSHOT_KEY in changes ? readSnapshot(changes[SNAPSHOT_KEY].newValue) : null;
      if (snapshot) callback(watchedOf(snapshot));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  openSettings: () => void browser.runtime.openOptionsPage(),
  openPanel: () => openPanel(windowId),
  close: () => window.close(),
};

/** Rare: no background has written the snapshot since the browser started, so storage is read as it would. */
const takeSnapshot = () => import('@/lib/platform/storage/take-snapshot').then((taken) => taken.takeSnapshot());

async function start() {
  browser.windows.getCurrent().then((current) => {
    windowId = current.id;
  });
  // Started by popup-read.js as the page loaded, unless that script has not run yet.
  const stored = await ((globalThis as PopupReadGlobal).popupStartRead ?? browser.storage.session.get(POPUP_READ_KEYS));
  const snapshot = readSnapshot(stored[SNAPSHOT_KEY]) ?? (await takeSnapshot());
  const { settings } = snapshot;
  // Brand and device ID come from Settings until the agent types their own.
  const draft: Draft = readDraft(stored[DRAFT_KEY]) ?? {
    identifierType: 'MOBILE',
    identifierValue: '',
    deviceId: settings.deviceId,
    brand: settings.brand,
    sessionId: '',
    otp: '',
    authorizedToken: '',
    firstFactorOtp: '',
  };
  // Rare, like its words: the notice loads only when stored settings had invalid fields.
  const settingsNotice =
    snapshot.settingsReset.length > 0
      ? await import('@/lib/words/settings/notice').then((notice) => notice.resetNotice({ settings, reset: snapshot.settingsReset }))
      : null;
  render(<App initial={{ ...watchedOf(snapshot), settingsNotice, draft }} client={client} />, document.getElementById('app')!);
  void loadAsk();
  // An update waiting for the session to end: its notice loads after the form is ready.
  void import('@/lib/pages/update-notice').then((notice) => notice.showUpdateNotice());
}

start();
