// Settings as the extension keeps them in storage.sync, pointing at the sandbox: what the end-to-end tests, the bench
// and the screenshots start from (written with chrome.storage.sync.set in an extension page).
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../lib/model/settings/settings';

export const syncedSettings = (apiBaseUrl: string, patch: Partial<Settings> = {}) => ({
  settings: { version: SETTINGS_VERSION, ...DEFAULT_SETTINGS, apiBaseUrl, ...patch },
});
