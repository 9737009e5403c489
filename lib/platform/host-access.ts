import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '@/lib/model/settings/read';
import type { Settings } from '@/lib/model/settings/settings';
import { RECORD_KEYS } from '@/lib/platform/storage/customer-store';
import { log } from './log';

/**
 * Whether the browser lets the extension call this base URL. The five clusters are host permissions, a custom https
 * host is asked for when saved, and either can be revoked by the user (Firefox shows a switch per host). Plain http to
 * this machine is a host like any other: builds with sandbox doors have it among their host permissions, store
 * packages never.
 */
export async function mayReach(baseUrl: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [hostPattern(baseUrl)] });
}

/**
 * The host permission for a URL or origin: its scheme and host, any port. Firefox's match patterns take no port
 * (one with a port is never "contained"), and Chrome's without one cover every port.
 */
export const hostPattern = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
};

/** Every origin calls may go to with these settings: the default API base URL's and each listed brand's. */
export function originsOf(settings: Pick<Settings, 'apiBaseUrl' | 'brands'>): string[] {
  const urls = [settings.apiBaseUrl, ...settings.brands.flatMap((entry) => entry.apiBaseUrl ?? [])];
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/**
 * Gives back every optional host permission except those of the origins calls go to (the default API base URL and
 * the brand list's) and those the held tokens came from (End session must still reach them): a custom host is reachable
 * only while calls may go there. The five clusters are the manifest's own host permissions and stay. The background
 * runs it whenever the settings or the token change, so a host dropped on another synced machine is given back on
 * this one too.
 */
export async function dropOtherHosts(settings: Pick<Settings, 'apiBaseUrl' | 'brands'>, heldTokenUrls: string[] = []): Promise<string[]> {
  const inUse = [...originsOf(settings), ...heldTokenUrls.map((url) => new URL(url).origin)];
  const keep = new Set(inUse.map(hostPattern));
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const { origins = [] } = await browser.permissions.getAll();
  const others = origins.filter((origin) => !keep.has(origin) && !required.has(origin));
  if (others.length > 0) await browser.permissions.remove({ origins: others });
  return others;
}

/**
 * The background's watch: hosts are given back whenever the settings change (here, on another synced machine, by
 * policy) and when a customer's token is gone. `inUse` reads the settings calls use and the held tokens' base URLs.
 */
export function watchHostsInUse(inUse: () => Promise<[Pick<Settings, 'apiBaseUrl' | 'brands'>, string[]]>) {
  const giveBack = () =>
    void inUse()
      .then(([settings, heldTokenUrls]) => dropOtherHosts(settings, heldTokenUrls))
      .catch((error) => log.warn('hosts no longer used could not be given back', error));
  const tokenGone = (change?: { oldValue?: unknown; newValue?: unknown }) =>
    change !== undefined && hasToken(change.oldValue) && !hasToken(change.newValue);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'sync' && SETTINGS_KEY in changes)) giveBack();
    if (area === 'session' && RECORD_KEYS.some((key) => tokenGone(changes[key]))) giveBack();
  });
}

const hasToken = (record: unknown) => typeof record === 'object' && record !== null && (record as { auth?: unknown }).auth != null;
