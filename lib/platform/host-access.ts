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
 * Gives back every optional host permission except those of the origins calls go to (the default API base URL and
 * the brand list's): a custom host is reachable only while calls may go there. The five clusters are the manifest's
 * own host permissions and stay.
 */
export async function dropOtherHosts(keepOrigins: string[]): Promise<string[]> {
  const keep = new Set(keepOrigins.map((origin) => `${origin}/*`));
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const { origins = [] } = await browser.permissions.getAll();
  const others = origins.filter((origin) => !keep.has(origin) && !required.has(origin));
  if (others.length > 0) await browser.permissions.remove({ origins: others });
  return others;
}
