import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '@/lib/messaging/ask';
import { formKey, SLOTS } from '@/lib/model/desk/desk-keys';
import type { Draft } from '@/lib/model/desk/stored';
import { showUpdateNotice } from '@/lib/pages/update-notice';
import { CLIPBOARD_PERMISSIONS, copiedItem, digestOf } from '@/lib/platform/clipboard';
import { loadSettings } from '@/lib/platform/settings/stored';
import { watchSettings } from '@/lib/platform/settings/watch';
import { allCustomers, formAt, RECORD_KEYS, selectedItem } from '@/lib/platform/storage/customer-store';
import { holdChanges } from '@/lib/platform/storage/held-changes';
import { historyItem, menuNoticeItem, screenShareItem } from '@/lib/platform/storage/items';
import { foldsItem, freshSelection, pendingJwtItem } from '@/lib/platform/storage/panel-items';
import { App, type PanelClient, type PanelState } from './App';
import '@/components/common/base.css';
import '@/components/panel/panel.css';
import { applyPageLanguage } from '@/lib/words/page';

applyPageLanguage('panelTitle');

/** Every customer's form, by place. */
async function allForms(): Promise<Record<number, Draft>> {
  const forms = await Promise.all(SLOTS.map((slot) => formAt(slot).get()));
  return Object.fromEntries(forms.flatMap((form, slot) => (form ? [[slot, form]] : [])));
}

/** Calls back with the desk's customers or forms, read again whenever one of them changes. */
function watchDesk(callback: (change: Partial<PanelState>) => void): () => void {
  const formKeys = SLOTS.map(formKey);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'session') return;
    if (RECORD_KEYS.some((key) => key in changes)) void allCustomers().then((customers) => callback({ customers }));
    if (formKeys.some((key) => key in changes)) void allForms().then((forms) => callback({ forms }));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls back with every change the panel follows, from now until stopped. */
function watchAll(callback: (change: Partial<PanelState>) => void): () => void {
  const stops = [
    watchDesk(callback),
    selectedItem.watch((selected) => callback({ selected })),
    menuNoticeItem.watch((menuNotice) => callback({ menuNotice })),
    historyItem.watch((history) => callback({ history })),
    pendingJwtItem.watch((pendingJwt) => {
      if (!pendingJwt) return;
      callback({ pendingJwt: freshSelection(pendingJwt, Date.now()) });
      void pendingJwtItem.set(null);
    }),
    watchSettings(({ settings }) => callback({ settings })),
    screenShareItem.watch((screenShare) => callback({ screenShare })),
    foldsItem.watch((folds) => callback({ folds })),
    copiedItem.watch((copied) => callback({ copied })),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

// Watched from before the panel reads storage: a change landing between its reads and its first draw is held and
// handed to the page first.
const changes = holdChanges<[Partial<PanelState>]>(watchAll);

const client: PanelClient = {
  watch: changes.listen,
  ask,
  async copy(text) {
    // Asked in the click itself: the browser asks the agent only during a user action (once granted, it answers at
    // once). The page writes, since the click allows it; the background clears, whether or not this page is open then.
    const allowed = browser.permissions.request({ permissions: CLIPBOARD_PERMISSIONS }).catch(() => false);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      return 'copy-failed';
    }
    if (!(await allowed)) return 'not-allowed';
    return 'rejected' in (await ask('clipboardCopied', { digest: await digestOf(text) })) ? 'failed' : 'copied';
  },
  setScreenShare: (on) => void screenShareItem.set(on),
  select: (customerId) => void selectedItem.set(customerId),
  copyNote: (text) =>
    navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    ),
  setFolds: (folds) => void foldsItem.set(folds as Record<string, boolean>),
  download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

async function start() {
  const [{ settings, notice }, customers, forms, selected, menuNotice, history, pendingJwt, screenShare, folds, copied] = await Promise.all(
    [
      loadSettings(),
      allCustomers(),
      allForms(),
      selectedItem.get(),
      menuNoticeItem.get(),
      historyItem.get(),
      pendingJwtItem.get(),
      screenShareItem.get(),
      foldsItem.get(),
      copiedItem.get(),
    ],
  );
  // A context-menu selection is shown once, then forgotten; one left unseen for 10 minutes is forgotten unshown.
  if (pendingJwt) void pendingJwtItem.set(null);
  const initial: PanelState = {
    settings,
    settingsNotice: notice,
    customers,
    forms,
    selected,
    menuNotice,
    history,
    pendingJwt: freshSelection(pendingJwt, Date.now()),
    screenShare,
    folds,
    copied,
  };
  render(<App initial={initial} client={client} />, document.getElementById('app')!);
  showUpdateNotice();
}

start();
