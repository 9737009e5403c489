import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '@/lib/messaging/ask';
import { openPanel } from '@/lib/platform/panel';
import { activityItem, cooldownsItem, type Draft, draftItem, settingsItem } from '@/lib/storage/items';
import { App, type PopupClient } from './App';
import '@/components/desk.css';

// Chrome opens a side panel only for a known window and only from a user action, so the window is looked up
// before the click and the click calls open() at once.
let windowId: number | undefined;

const client: PopupClient = {
  sendOtp: (request) => ask('sendOtp', request),
  validateOtp: (request) => ask('validateOtp', request),
  saveDraft: (draft) => void draftItem.set(draft),
  watchActivity: (callback) => activityItem.watch(callback),
  watchCooldowns: (callback) => cooldownsItem.watch(callback),
  openSettings: () => void browser.runtime.openOptionsPage(),
  openPanel: () => openPanel(windowId),
};

async function start() {
  browser.windows.getCurrent().then((current) => {
    windowId = current.id;
  });
  const [settings, draft, activity, cooldowns] = await Promise.all([
    settingsItem.get(),
    draftItem.get(),
    activityItem.get(),
    cooldownsItem.get(),
  ]);
  // Brand and device ID come from Settings until the agent types their own.
  const initialDraft: Draft = draft ?? {
    identifierType: 'MOBILE',
    identifierValue: '',
    deviceId: settings.deviceId,
    brand: settings.brand,
    sessionId: '',
    otp: '',
  };
  render(<App initial={{ settings, draft: initialDraft, activity, cooldowns }} client={client} />, document.getElementById('app')!);
}

start();
