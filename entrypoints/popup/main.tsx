// The popup draws itself from one storage.session read (the background's snapshot and the form, popup-snapshot.ts),
// started by entrypoints/popup-read.ts before this module has loaded. It never waits on the background, and builds no
// schema before it is ready: asking, the settings notice and, when no background has written a snapshot yet since the
// browser started, reading storage in full all load on demand.
import { render } from 'preact';
import { loadOnce } from '@/components/common/load-once';
import { formKey, SELECTED_KEY, SLOTS, slotOf } from '@/lib/model/desk/desk-keys';
import {
  freshMenuNotice,
  MENU_NOTICE_KEY,
  POPUP_MARKS,
  type PopupSnapshot,
  readDraft,
  readSnapshot,
  SCREEN_SHARE_KEY,
  SNAPSHOT_KEY,
} from '@/lib/model/desk/popup-snapshot';
import type { Draft } from '@/lib/model/desk/stored';
import { nativeBrowser as browser } from '@/lib/platform/native';
import { openPanel } from '@/lib/platform/panel';
import { popupStart, type StorageChanges } from '@/lib/platform/storage/popup-start';
import { App } from './App';
import type { Heard, PopupClient, Watched } from './client';
import '@/components/common/base.css';
import '@/components/popup/popup.css';
import { applyPageLanguage } from '@/lib/words/page';

applyPageLanguage('extName');

// Chrome opens a side panel only for a known window and only from a user action, so the window is looked up
// before the click and the click calls open() at once.
let windowId: number | undefined;

// Asking is loaded once the form is on screen (see start), not before: it is needed only from the first click.
const loadAsk = loadOnce(() => import('@/lib/messaging/ask').then((module) => module.ask));

const watchedOf = ({ settings, customers, cooldowns, screenShare, clusterChosen = true }: PopupSnapshot): Watched => ({
  settings,
  customers,
  cooldowns,
  screenShare,
  clusterChosen,
});

/** The forms saved in each place (a place without a valid one is left out). */
function formsIn(stored: Record<string, unknown>): Record<number, Draft> {
  const forms: Record<number, Draft> = {};
  for (const slot of SLOTS) {
    const form = readDraft(stored[formKey(slot)]);
    if (form) forms[slot] = form;
  }
  return forms;
}

const client: PopupClient = {
  ask: (type, request) => loadAsk().then((ask) => ask(type, request)),
  // The forms are the popup's own: whoever reads one back parses it (customer-store.ts).
  saveDraft: (customerId, draft) => void browser.storage.session.set({ [formKey(slotOf(customerId))]: draft }),
  select: (customerId) => void browser.storage.session.set({ [SELECTED_KEY]: customerId }),
  setScreenShare: (on) => void browser.storage.local.set({ [SCREEN_SHARE_KEY]: on }),
  // Rare (a first start): saving, with its checks, loads only then.
  chooseCluster: async (apiBaseUrl) => {
    const [{ saveSettings }, { currentSettings }] = await Promise.all([
      import('@/lib/platform/settings/save'),
      import('@/lib/platform/settings/stored'),
    ]);
    await saveSettings({ ...(await currentSettings()), apiBaseUrl });
  },
  watch(callback) {
    // One value carries every change the popup follows, settings included: the band never disagrees with where
    // the next call goes. The changes since the read was asked come first.
    return started.listen((changes: StorageChanges, area: string) => {
      if (area !== 'session') return;
      const snapshot = SNAPSHOT_KEY in changes ? readSnapshot(changes[SNAPSHOT_KEY].newValue) : null;
      const heard: Heard = snapshot ? watchedOf(snapshot) : {};
      const selected = changes[SELECTED_KEY]?.newValue;
      if (typeof selected === 'string') heard.selected = selected;
      if (MENU_NOTICE_KEY in changes) heard.menuNotice = freshMenuNotice(changes[MENU_NOTICE_KEY].newValue, Date.now());
      for (const slot of SLOTS) {
        if (formKey(slot) in changes) heard.forms = { ...heard.forms, [slot]: readDraft(changes[formKey(slot)].newValue) };
      }
      if (Object.keys(heard).length > 0) callback(heard);
    });
  },
  openSettings: () => void browser.runtime.openOptionsPage(),
  openPanel: () => openPanel(windowId),
  close: () => window.close(),
};

/** Rare: no background has written the snapshot since the browser started, so storage is read as it would. */
const takeSnapshot = () => import('@/lib/platform/storage/take-snapshot').then((taken) => taken.takeSnapshot());

// Started by popup-read.js as the page loaded, unless that script has not run yet (then it finds this one).
const started = popupStart();

async function start() {
  performance.mark(POPUP_MARKS.module);
  const stored = await started.read;
  performance.mark(POPUP_MARKS.stored);
  const snapshot = readSnapshot(stored[SNAPSHOT_KEY]) ?? (await takeSnapshot());
  const { settings } = snapshot;
  const chosen = stored[SELECTED_KEY];
  // Rare, like its words: the notice loads only when stored settings had invalid fields.
  const settingsNotice =
    snapshot.settingsReset.length > 0
      ? await import('@/lib/words/settings/notice').then((notice) => notice.resetNotice({ settings, reset: snapshot.settingsReset }))
      : null;
  const initial = {
    ...watchedOf(snapshot),
    settingsNotice,
    forms: formsIn(stored),
    menuNotice: freshMenuNotice(stored[MENU_NOTICE_KEY], Date.now()),
    selected: typeof chosen === 'string' ? chosen : snapshot.customers[0].id,
  };
  render(<App initial={initial} client={client} />, document.getElementById('app')!);
  // Once the form is drawn, what the first click needs (asking, the window for the side panel), and the notice of
  // an update waiting for the session to end: none of it is fetched or asked for in front of the form. Not behind a
  // timer either: a page the browser hides runs timers a second late.
  void loadAsk();
  browser.windows.getCurrent().then((current) => {
    windowId = current.id;
  });
  void import('@/lib/pages/update-notice').then((notice) => notice.showUpdateNotice());
}

start();
