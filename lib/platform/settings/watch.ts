// Settings as they change while a page is open: the agent saved (here or on another synced machine) or the policy
// changed (Chrome applies a new policy at once; Firefox on its next start).
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '@/lib/model/settings/read';
import { readSettingsState, type SettingsState } from './stored';

/** Calls back with the new state whenever the agent's settings (on any synced machine) or the policy change. */
export function watchSettings(callback: (state: SettingsState) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'sync' && SETTINGS_KEY in changes)) {
      void readSettingsState().then(({ state }) => callback(state));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
