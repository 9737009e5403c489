// Ready-to-edit policy files: one per browser and system that force-installs MFA Desk from where IT hosts the
// release, pins it to the toolbar and presets its settings (the keys of README "For IT admins").
import { createHash } from 'node:crypto';
import { FIREFOX_ID } from '../lib/platform/firefox-id';

export type PolicySettings = Record<string, string | number | boolean | { brand: string; apiBaseUrl?: string }[]>;

export type ChromeInstall = { id: string; updatesUrl: string; settings: PolicySettings };
export type FirefoxInstall = { xpiUrl: string; settings: PolicySettings };

/** Chrome, Chromium and Edge on Linux (`/etc/opt/chrome/policies/managed/`, `/etc/chromium/policies/managed/`). */
export function chromePolicy({ id, updatesUrl, settings }: ChromeInstall) {
  return {
    ExtensionInstallForcelist: [`${id};${updatesUrl}`],
    ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: updatesUrl, toolbar_pin: 'force_pinned' } },
    '3rdparty': { extensions: { [id]: settings } },
  };
}

/** Firefox's policies.json (`distribution/` beside Firefox, or `/etc/firefox/policies/` on Linux). */
export function firefoxPolicy({ xpiUrl, settings }: FirefoxInstall) {
  return {
    policies: {
      ExtensionSettings: { [FIREFOX_ID]: { installation_mode: 'force_installed', install_url: xpiUrl, default_area: 'navbar' } },
      '3rdparty': { Extensions: { [FIREFOX_ID]: settings } },
    },
  };
}

const regString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const regValue = (value: PolicySettings[string]) =>
  typeof value === 'string'
    ? regString(value)
    : typeof value === 'object'
      ? regString(JSON.stringify(value))
      : `dword:${Number(value).toString(16).padStart(8, '0')}`;

/** Chrome on Windows, as a .reg file (Chromium: Software\Policies\Chromium; Edge: Software\Policies\Microsoft\Edge). */
export function chromeReg({ id, updatesUrl, settings }: ChromeInstall): string {
  const root = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome';
  const { ExtensionSettings } = chromePolicy({ id, updatesUrl, settings });
  return [
    'Windows Registry Editor Version 5.00',
    '',
    `[${root}\\ExtensionInstallForcelist]`,
    `"1"=${regString(`${id};${updatesUrl}`)}`,
    '',
    `[${root}]`,
    `"ExtensionSettings"=${regString(JSON.stringify(ExtensionSettings))}`,
    '',
    `[${root}\\3rdparty\\extensions\\${id}\\policy]`,
    ...Object.entries(settings).map(([key, value]) => `"${key}"=${regValue(value)}`),
    '',
  ].join('\r\n');
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A value as property-list XML. */
function plist(value: unknown, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${xml(value)}</string>`;
  if (typeof value === 'number') return `${indent}<integer>${value}</integer>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.map((item) => plist(item, `${indent}  `)), `${indent}</array>`].join('\n');
  const entries = Object.entries(value as Record<string, unknown>);
  return [
    `${indent}<dict>`,
    ...entries.flatMap(([key, item]) => [`${indent}  <key>${xml(key)}</key>`, plist(item, `${indent}  `)]),
    `${indent}</dict>`,
  ].join('\n');
}

/** A UUID that follows from its name, so the same release writes the same profile. */
const uuidOf = (name: string) =>
  createHash('sha256')
    .update(name)
    .digest('hex')
    .slice(0, 32)
    .toUpperCase()
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** Chrome on macOS: a configuration profile for MDM with Chrome's payload and the extension's own policy domain. */
export function chromeMobileconfig({ id, updatesUrl, settings }: ChromeInstall): string {
  const { ExtensionInstallForcelist, ExtensionSettings } = chromePolicy({ id, updatesUrl, settings });
  const payload = (type: string, content: Record<string, unknown>) => ({
    PayloadType: type,
    PayloadIdentifier: `mfa-desk.${type}`,
    PayloadUUID: uuidOf(`${type}|${id}`),
    PayloadVersion: 1,
    ...content,
  });
  const profile = {
    PayloadType: 'Configuration',
    PayloadDisplayName: 'MFA Desk',
    PayloadIdentifier: 'mfa-desk',
    PayloadUUID: uuidOf(`profile|${id}`),
    PayloadVersion: 1,
    PayloadContent: [
      payload('com.google.Chrome', { ExtensionInstallForcelist, ExtensionSettings }),
      payload(`com.google.Chrome.extensions.${id}`, settings),
    ],
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plist(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}
