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
