import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionId, packCrx } from '@/release/crx';
import { checkPermissions, unlistedPermissions } from '@/release/permissions';
import { chromePolicy, chromeReg, firefoxPolicy } from '@/release/policies';
import { readReleaseUrl, updatesXml } from '@/release/self-hosted';
import { unzip, zipFolder } from '@/release/zip';

const STORE_MANIFEST = {
  permissions: ['storage', 'contextMenus', 'alarms', 'sidePanel'],
  optional_permissions: ['clipboardRead'],
  host_permissions: ['https://eu.api.capillarytech.com/*'],
  optional_host_permissions: ['https://*/*'],
};

describe('no new install warning by surprise', () => {
  it('takes what release/permissions.json lists', () => {
    expect(unlistedPermissions('chrome', STORE_MANIFEST)).toEqual([]);
  });

  it.each([
    ['a permission', { permissions: [...STORE_MANIFEST.permissions, 'tabs'] }, 'permissions: tabs'],
    ['clipboardRead at install', { permissions: [...STORE_MANIFEST.permissions, 'clipboardRead'] }, 'permissions: clipboardRead'],
    ['a host', { host_permissions: ['<all_urls>'] }, 'host_permissions: <all_urls>'],
    ['plain http for the sandbox', { optional_host_permissions: ['http://127.0.0.1/*'] }, 'optional_host_permissions: http://127.0.0.1/*'],
  ])('stops the release on %s the list does not name, and names it', (_what, change, named) => {
    const manifest = { ...STORE_MANIFEST, ...change };
    expect(unlistedPermissions('chrome', manifest)).toEqual([named]);
    expect(() => checkPermissions('chrome', manifest)).toThrow(named);
  });

  it('lists sidePanel for Chrome only', () => {
    expect(unlistedPermissions('firefox', STORE_MANIFEST)).toEqual(['permissions: sidePanel']);
  });
});

describe('where IT hosts a release', () => {
  it.each([
    ['https://extensions.example.com/mfa-desk/', 'https://extensions.example.com/mfa-desk'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('takes %s', (input, url) => expect(readReleaseUrl(input)).toBe(url));

  it.each([
    ['http://extensions.example.com', 'must be https'],
    ['ftp://example.com', 'must be https'],
    ['not a url', 'is not a URL'],
    ['https://user:pw@example.com', 'no query, fragment or credentials'],
  ])('refuses %s', (input, reason) => expect(() => readReleaseUrl(input)).toThrow(reason));
});

describe('the CRX and its update manifest', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('signs with the key, and the ID follows from the key alone', () => {
    const zip = Buffer.from('PK fake zip');
    const { crx, id } = packCrx(zip, pem);
    expect(crx.subarray(0, 4).toString()).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    expect(crx.subarray(-zip.length)).toEqual(zip);
    expect(id).toBe(extensionId(publicKey.export({ type: 'spki', format: 'der' })));
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(packCrx(Buffer.from('another'), pem).id).toBe(id);
  });

  it('refuses a key that is not RSA, saying what it takes', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => packCrx(Buffer.from(''), ec)).toThrow('RSA private key (PKCS#8 PEM)');
  });

  it('writes updates.xml with the URL escaped', () => {
    const xml = updatesXml({ id: 'a'.repeat(32), version: '1.2.3', releaseUrl: 'https://example.com/x?a=1&b=2' });
    expect(xml).toContain("codebase='https://example.com/x?a=1&amp;b=2/mfa-desk-1.2.3.crx' version='1.2.3'");
  });
});

describe('the policy files', () => {
  const install = {
    id: 'a'.repeat(32),
    updatesUrl: 'https://example.com/updates.xml',
    settings: { apiBaseUrl: 'https://eu.api.capillarytech.com', lockSettings: true },
  };

  it('force-install, pin and configure Chrome in one file', () => {
    expect(chromePolicy(install)).toEqual({
      ExtensionInstallForcelist: [`${install.id};${install.updatesUrl}`],
      ExtensionSettings: {
        [install.id]: { installation_mode: 'force_installed', update_url: install.updatesUrl, toolbar_pin: 'force_pinned' },
      },
      '3rdparty': { extensions: { [install.id]: install.settings } },
    });
  });

  it('write the Windows registry with booleans as DWORDs and the settings as a JSON string', () => {
    const reg = chromeReg(install);
    expect(reg).toContain('"lockSettings"=dword:00000001');
    expect(reg).toContain(`"1"="${install.id};${install.updatesUrl}"`);
    expect(reg).toContain('"ExtensionSettings"="{\\"');
  });

  it('force-install Firefox in the navbar', () => {
    expect(firefoxPolicy({ xpiUrl: 'https://example.com/a.xpi', settings: {} }).policies.ExtensionSettings).toEqual({
      'mfa-desk@support-desk': { installation_mode: 'force_installed', install_url: 'https://example.com/a.xpi', default_area: 'navbar' },
    });
  });
});

describe('zips', () => {
  it('come out the same, byte for byte, from the same files', async () => {
    const [one, two] = await Promise.all([zipFolder('release'), zipFolder('release')]);
    expect(one.equals(two)).toBe(true);
    expect([...(await unzip(one)).keys()]).toContain('permissions.json');
  });
});

describe('signing keys', () => {
  it('never enter the repository', () => {
    for (const file of execFileSync('git', ['ls-files'], { encoding: 'utf8' }).trim().split('\n')) {
      if (/\.(png|zip)$/.test(file)) continue;
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    }
    expect(execFileSync('git', ['check-ignore', 'mfa-desk-crx.pem'], { encoding: 'utf8' }).trim()).toBe('mfa-desk-crx.pem');
  });
});
