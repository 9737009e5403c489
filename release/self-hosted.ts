// The files IT hosts itself: a signed CRX with Chrome's update manifest, an .xpi with Firefox's, both packages
// pointing at those manifests so that a force-installed MFA Desk finds its next version where IT puts it.
import { FIREFOX_ID } from '../lib/platform/firefox-id';

/** Where IT will host the release: https, or plain http on this machine for tests. */
export function readReleaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`MFA_DESK_RELEASE_URL is not a URL: ${text}`);
  }
  const loopback = url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    throw new Error('MFA_DESK_RELEASE_URL must be https (plain http only as http://127.0.0.1:<port>, for tests).');
  }
  if (url.search || url.hash || url.username || url.password)
    throw new Error('MFA_DESK_RELEASE_URL takes no query, fragment or credentials.');
  return url.href.replace(/\/+$/, '');
}

export const crxName = (version: string) => `mfa-desk-${version}.crx`;
export const xpiName = (version: string) => `mfa-desk-${version}.xpi`;

/** The Chrome manifest of the self-hosted CRX: the store one, updated from IT's updates.xml. */
export const withChromeUpdateUrl = (manifest: Record<string, unknown>, releaseUrl: string) => ({
  ...manifest,
  update_url: `${releaseUrl}/updates.xml`,
});

/** The Firefox manifest of the self-distributed .xpi: the AMO one, updated from IT's updates.json. */
export function withFirefoxUpdateUrl(manifest: Record<string, unknown>, releaseUrl: string) {
  const settings = manifest.browser_specific_settings as { gecko: Record<string, unknown> };
  return {
    ...manifest,
    browser_specific_settings: { ...settings, gecko: { ...settings.gecko, update_url: `${releaseUrl}/updates.json` } },
  };
}

const xmlAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');

/** Chrome's update manifest (gupdate, protocol 2.0). */
export function updatesXml({ id, version, releaseUrl }: { id: string; version: string; releaseUrl: string }): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${xmlAttribute(id)}'>`,
    `    <updatecheck codebase='${xmlAttribute(`${releaseUrl}/${crxName(version)}`)}' version='${xmlAttribute(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/** Firefox's update manifest, with the hash Firefox checks the downloaded .xpi against. */
export function updatesJson({ version, releaseUrl, xpiSha256 }: { version: string; releaseUrl: string; xpiSha256: string }) {
  return {
    addons: {
      [FIREFOX_ID]: {
        updates: [{ version, update_link: `${releaseUrl}/${xpiName(version)}`, update_hash: `sha256:${xpiSha256}` }],
      },
    },
  };
}
