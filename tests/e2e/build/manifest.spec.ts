// Both manifests pinned exactly, with the reason for every permission: a store reviewer's questions, answered here
// (and in PRIVACY.md). A change to the manifest must change this file, in plain sight.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const read = (dir: string) => JSON.parse(readFileSync(join('.output', dir, 'manifest.json'), 'utf8'));
const chrome = read('chrome-mv3');
const firefox = read('firefox-mv3');

/** Each API permission and why MFA Desk needs it. */
const PERMISSIONS: Record<string, string> = {
  storage:
    'Settings in storage.sync, history in storage.local; the session (token, key, form) in storage.session, in memory only; the organisation’s policy from storage.managed.',
  contextMenus: '"Decode JWT in MFA Desk" on selected text.',
  alarms: 'To apply an update that waited for a session to end when the session’s 15 minutes are up, even after the worker was stopped.',
  sidePanel: 'Chrome only: the side panel that shows the session, token and history.',
};

/** Optional, asked for when first needed, never at install: each and why. */
const OPTIONAL_PERMISSIONS: Record<string, string> = {
  clipboardRead: 'Asked for on the first Copy: to clear a copied token 60 s later only if the clipboard still holds it.',
  offscreen: 'Chrome, asked for with clipboardRead: the clipboard is read back and cleared in an offscreen document.',
  clipboardWrite: 'Asked for with clipboardRead: the background clears the clipboard 60 s on, with no click to allow it.',
};

/** Host permissions: the five Capillary clusters the agent can pick, called only when picked. */
const CLUSTER_HOSTS = [
  'https://eu.api.capillarytech.com/*',
  'https://apac.api.capillarytech.com/*',
  'https://apac2.api.capillarytech.com/*',
  'https://us.api.capillarytech.com/*',
  'https://api.capillarytech.cn.com/*',
];
/** Plain http to this machine, a host like any other in the builds for the sandbox (never in a store package). */
const SANDBOX_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
/** A custom https cluster (a brand's proxy) is asked for when it is saved in Settings, one host at a time. */
const OPTIONAL_HOSTS = ['https://*/*'];

const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src https: http://127.0.0.1:* http://localhost:*";

test('the Chrome manifest is exactly this', () => {
  expect(chrome.permissions).toEqual(['storage', 'contextMenus', 'alarms', 'sidePanel']);
  expect(chrome.optional_permissions).toEqual(['clipboardRead', 'clipboardWrite', 'offscreen']);
  expect(chrome.host_permissions).toEqual([...CLUSTER_HOSTS, ...SANDBOX_HOSTS]);
  expect(chrome.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  expect(chrome.content_security_policy).toEqual({ extension_pages: CSP });
  // 116: sidePanel.open() from a user action.
  expect(chrome.minimum_chrome_version).toBe('116');
  expect(chrome.background).toEqual({ service_worker: 'background.js' });
  // Chrome reads no policy for an extension without a schema; Firefox reads policies.json without one.
  expect(chrome.storage).toEqual({ managed_schema: 'managed_schema.json' });
  // Titles the browser shows, in the agent's language.
  expect(chrome.action.default_title).toBe('__MSG_extName__');
});

test('the policy schema names exactly the keys IT may set, each with its type', () => {
  const schema = JSON.parse(readFileSync(join('.output', 'chrome-mv3', 'managed_schema.json'), 'utf8'));
  const types = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, (value as { type: string }).type]));
  expect(types).toEqual({
    apiBaseUrl: 'string',
    brand: 'string',
    deviceId: 'string',
    cooldownSeconds: 'integer',
    idleMinutes: 'integer',
    lockSettings: 'boolean',
    brands: 'array',
  });
  expect(schema.properties.brands.items.properties).toEqual({ brand: { type: 'string' }, apiBaseUrl: { type: 'string' } });
});

test('the Firefox manifest is exactly this, and claims no Android support it cannot give', () => {
  expect(firefox.permissions).toEqual(['storage', 'contextMenus', 'alarms']);
  expect(firefox.optional_permissions).toEqual(['clipboardRead', 'clipboardWrite']);
  expect(firefox.host_permissions).toEqual([...CLUSTER_HOSTS, ...SANDBOX_HOSTS]);
  expect(firefox.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  expect(firefox.content_security_policy).toEqual({ extension_pages: CSP });
  expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
  // Firefox for Android has no sidebar_action, contextMenus or commands.
  expect(firefox.browser_specific_settings.gecko_android).toBeUndefined();
  expect(firefox.storage).toBeUndefined();
  expect(firefox.action.default_title).toBe('__MSG_extName__');
  expect(firefox.sidebar_action.default_title).toBe('__MSG_panelTitle__');
});

test('every permission has its reason, and nothing opens the extension to pages or other extensions', () => {
  for (const manifest of [chrome, firefox]) {
    for (const permission of manifest.permissions) expect(PERMISSIONS[permission], permission).toBeDefined();
    for (const permission of manifest.optional_permissions) expect(OPTIONAL_PERMISSIONS[permission], permission).toBeDefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
  }
});

test('no remote code: every page loads only its own scripts, and no bundle evaluates strings', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    const root = join('.output', dir);
    for (const file of readdirSync(root, { recursive: true }) as string[]) {
      const text = file.endsWith('.html') || file.endsWith('.js') ? readFileSync(join(root, file), 'utf8') : '';
      if (file.endsWith('.html')) {
        for (const [, src] of text.matchAll(/<script[^>]*src="([^"]+)"/g)) expect(src, `${dir}/${file}`).toMatch(/^\/(?!\/)/);
      }
      if (file.endsWith('.js')) expect(text, `${dir}/${file}`).not.toMatch(/\beval\(|new Function\(|importScripts\(\s*['"]http/);
    }
  }
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('both builds carry the icon at every size the stores ask for, rendered from the one SVG', () => {
  for (const [dir, manifest] of [
    ['chrome-mv3', chrome],
    ['firefox-mv3', firefox],
  ] as const) {
    const sizes = [16, 32, 48, 64, 96, 128];
    const expected = Object.fromEntries(sizes.map((size) => [String(size), `icons/${size}.png`]));
    expect(manifest.icons).toEqual(expected);
    expect(manifest.action.default_icon).toEqual(expected);
    for (const size of sizes) expect(pngSize(join('.output', dir, `icons/${size}.png`))).toEqual([size, size]);
  }
});
