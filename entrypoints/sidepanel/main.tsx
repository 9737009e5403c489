import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '@/lib/messaging/ask';
import { showUpdateNotice } from '@/lib/pages/update-notice';
import { CLIPBOARD_PERMISSIONS, copiedItem, digestOf } from '@/lib/platform/clipboard';
import { loadSettings } from '@/lib/platform/settings/stored';
import { watchSettings } from '@/lib/platform/settings/watch';
import { customerStore } from '@/lib/platform/storage/customer-store';
import { historyItem, screenShareItem } from '@/lib/platform/storage/items';
import { foldsItem, freshSelection, pendingJwtItem } from '@/lib/platform/storage/panel-items';
import { App, type PanelClient, type PanelState } from './App';
import '@/components/common/base.css';
import '@/components/panel/panel.css';
import { applyPageLanguage } from '@/lib/words/page';

applyPageLanguage('panelTitle');
const customer = customerStore();

const client: PanelClient = {
  watch(callback) {
    const stops = [
      customer.auth.watch((auth) => callback({ auth })),
      customer.session.watch((session) => callback({ session })),
      customer.form.watch((draft) => callback({ draft })),
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
  },
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
  setFolds: (folds) => void foldsItem.set(folds as Record<string, boolean>),
  download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

async function start() {
  const [{ settings, notice }, auth, session, draft, history, pendingJwt, screenShare, folds, copied] = await Promise.all([
    loadSettings(),
    customer.auth.get(),
    customer.session.get(),
    customer.form.get(),
    historyItem.get(),
    pendingJwtItem.get(),
    screenShareItem.get(),
    foldsItem.get(),
    copiedItem.get(),
  ]);
  // A context-menu selection is shown once, then forgotten; one left unseen for 10 minutes is forgotten unshown.
  if (pendingJwt) void pendingJwtItem.set(null);
  const initial: PanelState = {
    settings,
    settingsNotice: notice,
    auth,
    session,
    draft,
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
