// The settings for the background's calls, kept in memory between calls: read again after any change to them (the
// agent's, on any synced machine; a Chrome policy; an earlier version's copy moving). Firefox changes a policy only
// when it starts, and a stopped worker starts with nothing cached.
import { browser } from 'wxt/browser';
import { LOCAL_KEYS, SETTINGS_KEY } from '@/lib/model/settings/read';
import type { Settings } from '@/lib/model/settings/settings';
import { currentSettings } from '@/lib/platform/settings/stored';

export function cachedSettings(): () => Promise<Settings> {
  let cached: Promise<Settings> | null = null;
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    if (
      area === 'managed' ||
      (area === 'sync' && keys.includes(SETTINGS_KEY)) ||
      (area === 'local' && keys.some((key) => LOCAL_KEYS.includes(key)))
    ) {
      cached = null;
    }
  });
  return () => {
    cached ??= currentSettings().catch((error: unknown) => {
      cached = null;
      throw error;
    });
    return cached;
  };
}
