// What `npm run release` writes, opened file by file: the store packages without sandbox doors, the signed CRX and
// its update manifest, the .xpi and its hash, release.json, and the store upload's dry run.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { extensionId } from '../../../release/crx';
import { unzip } from '../../../release/zip';
import { expect, RELEASE_DIR, test } from './fixture';

const version: string = JSON.parse(readFileSync('package.json', 'utf8')).version;
const read = (name: string) => readFileSync(join(RELEASE_DIR, name));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The fields of a protobuf message that are length-delimited (all CRX3's are), by field number. */
function protobufFields(bytes: Buffer): Map<number, Buffer[]> {
  const fields = new Map<number, Buffer[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    const length = varint();
    fields.set(Math.floor(tag / 8), [...(fields.get(Math.floor(tag / 8)) ?? []), bytes.subarray(at, at + length)]);
    at += length;
  }
  return fields;
}

/** A CRX3 taken apart: its public key, whether the signature holds for the zip, and the zip. */
function openCrx(crx: Buffer) {
  expect(crx.subarray(0, 4).toString()).toBe('Cr24');
  expect(crx.readUInt32LE(4)).toBe(3);
  const headerSize = crx.readUInt32LE(8);
  const header = protobufFields(crx.subarray(12, 12 + headerSize));
  const zip = crx.subarray(12 + headerSize);
  const [proof] = header.get(2) ?? [];
  const signedData = header.get(10000)![0];
  const publicKey = protobufFields(proof).get(1)![0];
  const signature = protobufFields(proof).get(2)![0];
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signedData.length);
  const signed = Buffer.concat([Buffer.from('CRX3 SignedData\x00'), length, signedData, zip]);
  const key = createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
  return { publicKey, zip, signatureHolds: verify('sha256', signed, key, signature) };
}

/** Every text a package holds, except the manifest's own update_url (which names the test's loopback server). */
async function packageTexts(zip: Buffer): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const [name, bytes] of await unzip(zip)) {
    if (name.endsWith('.png')) continue;
    const text = bytes.toString('utf8');
    texts.set(name, name === 'manifest.json' ? text.replace(/"update_url":\s*"[^"]*"/g, '') : text);
  }
  return texts;
}

const manifestOf = async (zip: Buffer) => JSON.parse((await unzip(zip)).get('manifest.json')!.toString('utf8'));

test('the release folder holds every file, flat, and release.json names each with its SHA-256', async ({ release }) => {
  const names = [
    `mfa-desk-${version}-chrome.zip`,
    `mfa-desk-${version}-firefox.zip`,
    `mfa-desk-${version}-sources.zip`,
    `mfa-desk-${version}.crx`,
    `mfa-desk-${version}.xpi`,
    'policy-chrome-linux.json',
    'policy-chrome-macos.mobileconfig',
    'policy-chrome-windows.reg',
    'policy-firefox.json',
    'updates.json',
    'updates.xml',
  ];
  expect(Object.keys(release.files).sort()).toEqual(names.sort());
  for (const name of names) expect(sha256(read(name)), name).toBe(release.files[name]);
  expect(release.version).toBe(version);
  expect(release.output).toContain('The .xpi is unsigned');
});

test('no package has a sandbox door: https only, no loopback host, no build path, the one version', async ({ release }) => {
  const crx = openCrx(read(`mfa-desk-${version}.crx`));
  const packages = {
    chrome: read(`mfa-desk-${version}-chrome.zip`),
    firefox: read(`mfa-desk-${version}-firefox.zip`),
    crx: crx.zip,
    xpi: read(`mfa-desk-${version}.xpi`),
  };
  for (const [name, zip] of Object.entries(packages)) {
    const manifest = await manifestOf(zip);
    expect(manifest.version, name).toBe(version);
    expect(manifest.content_security_policy.extension_pages, name).toMatch(/; connect-src https:$/);
    for (const host of [...manifest.host_permissions, ...manifest.optional_host_permissions]) expect(host, name).toMatch(/^https:\/\//);
    expect(manifest.permissions, name).not.toContain('clipboardRead');
    for (const [file, text] of await packageTexts(zip)) {
      expect(text, `${name}/${file}`).not.toMatch(/127\.0\.0\.1|localhost|\[::1\]/);
      expect(text, `${name}/${file}`).not.toContain(process.cwd());
    }
  }
  // The store uploads update from their stores; the self-hosted packages from IT's update manifests.
  expect((await manifestOf(packages.chrome)).update_url).toBeUndefined();
  expect((await manifestOf(packages.firefox)).browser_specific_settings.gecko.update_url).toBeUndefined();
  expect((await manifestOf(packages.crx)).update_url).toBe(`${release.url}/updates.xml`);
  expect((await manifestOf(packages.xpi)).browser_specific_settings.gecko.update_url).toBe(`${release.url}/updates.json`);
});

test('the CRX is a signed CRX3 whose key gives the ID that release.json and updates.xml name', async ({ release }) => {
  const crx = openCrx(read(`mfa-desk-${version}.crx`));
  expect(crx.signatureHolds).toBe(true);
  expect(extensionId(crx.publicKey)).toBe(release.chromeId);
  const xml = read('updates.xml').toString();
  expect(xml).toContain(`<app appid='${release.chromeId}'>`);
  expect(xml).toContain(`<updatecheck codebase='${release.url}/mfa-desk-${version}.crx' version='${version}' />`);
});

test('updates.json points Firefox at the .xpi and carries its SHA-256', async ({ release }) => {
  const updates = JSON.parse(read('updates.json').toString());
  expect(updates.addons['mfa-desk@support-desk'].updates).toEqual([
    { version, update_link: `${release.url}/mfa-desk-${version}.xpi`, update_hash: `sha256:${release.files[`mfa-desk-${version}.xpi`]}` },
  ]);
});

test('the store upload dry run lists each package and the credentials each store needs, and sends nothing', async ({ release }) => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(CHROME|FIREFOX|EDGE)_/.test(name)));
  const dry = execFileSync('npm', ['run', '--silent', 'submit:dry'], { encoding: 'utf8', env });
  expect(dry).toContain(`--chrome-zip mfa-desk-${version}-chrome.zip`);
  expect(dry).toContain(`sha256 ${release.files[`mfa-desk-${version}-firefox.zip`]}`);
  expect(dry).toContain(`--firefox-sources-zip mfa-desk-${version}-sources.zip`);
  expect(dry).toContain('Chrome Web Store: skipped, needs CHROME_EXTENSION_ID');
  expect(dry).toContain('No store has its credentials set: nothing would be uploaded.');
});

test('the sources zip rebuilds the Firefox package byte for byte, with npm ci and npm run build:store', async ({ release }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'mfa-desk-sources-'));
  try {
    for (const [name, bytes] of await unzip(read(`mfa-desk-${version}-sources.zip`))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
    execFileSync('npm', ['run', 'build:store'], { cwd: dir, stdio: 'ignore' });
    const rebuilt = readFileSync(join(dir, '.output', `mfa-desk-${version}-firefox.zip`));
    expect(sha256(rebuilt)).toBe(release.files[`mfa-desk-${version}-firefox.zip`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
