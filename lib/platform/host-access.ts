import { browser } from 'wxt/browser';

/**
 * Whether the browser lets the extension call this base URL. The five clusters are host permissions, a custom https
 * host is asked for when saved, and either can be revoked by the user (Firefox shows a switch per host). Plain http is
 * only ever the local sandbox, reached through its CORS headers, so it needs no permission.
 */
export async function mayReach(baseUrl: string): Promise<boolean> {
  const url = new URL(baseUrl);
  if (url.protocol === 'http:') return true;
  return browser.permissions.contains({ origins: [`${url.origin}/*`] });
}

/**
 * Gives back every optional host permission except the API base URL's: a custom host is reachable only while it is
 * where calls go. The five clusters are the manifest's own host permissions and stay.
 */
export async function dropOtherHosts(apiBaseUrl: string): Promise<string[]> {
  const keep = `${new URL(apiBaseUrl).origin}/*`;
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const { origins = [] } = await browser.permissions.getAll();
  const others = origins.filter((origin) => origin !== keep && !required.has(origin));
  if (others.length > 0) await browser.permissions.remove({ origins: others });
  return others;
}
