// `npm run release`: everything a release needs, in .output/release/ (flat), built from a clean clone of HEAD.
// The store packages have no sandbox door; the self-hosted CRX and .xpi are the same packages pointed at IT's
// update manifests. Which files, and what each is for: README "Install".
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLUSTERS } from '../lib/model/capillary/clusters';
import { buildStore, storeZipName } from './build-store';
import { packCrx } from './crx';
import { checkPermissions } from './permissions';
import { chromeMobileconfig, chromePolicy, chromeReg, firefoxPolicy, type PolicySettings } from './policies';
import { crxName, readReleaseUrl, updatesJson, updatesXml, withChromeUpdateUrl, withFirefoxUpdateUrl, xpiName } from './self-hosted';
import { zipFolder } from './zip';

/** What the policy examples preset: IT edits these (README "For IT admins" lists every key). */
const EXAMPLE_SETTINGS: PolicySettings = { apiBaseUrl: CLUSTERS[0].baseUrl, lockSettings: false };

const started = Date.now();
const root = process.cwd();
const out = join(root, '.output', 'release');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const notes: string[] = [];

let work = '';
let src = '';

/** Everything, in order; a failure is said in one line, with what to do where the release knows. */
async function release() {
  const commit = git('rev-parse', 'HEAD');
  if (git('status', '--porcelain') !== '')
    notes.push(`Uncommitted changes are not in this release: it is built from ${commit.slice(0, 12)}.`);
  const releaseUrl = process.env.MFA_DESK_RELEASE_URL ? readReleaseUrl(process.env.MFA_DESK_RELEASE_URL) : undefined;

  // A clean clone, installed exactly from the lockfile, so the release is what the repository holds.
  work = mkdtempSync(join(tmpdir(), 'mfa-desk-release-'));
  src = join(work, 'src');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, src]);
  execFileSync('git', ['checkout', '--quiet', commit], { cwd: src });
  if (spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: src, stdio: 'inherit' }).status !== 0) {
    throw new Error('npm ci failed in the clean clone: is package-lock.json in step with package.json?');
  }
  const { version, chrome, firefox } = await buildStore(src);
  const chromeManifest = JSON.parse(readFileSync(join(chrome.dir, 'manifest.json'), 'utf8'));
  const firefoxManifest = JSON.parse(readFileSync(join(firefox.dir, 'manifest.json'), 'utf8'));
  checkPermissions('chrome', chromeManifest);
  checkPermissions('firefox', firefoxManifest);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  copyFileSync(chrome.zip, join(out, storeZipName(version, 'chrome')));
  copyFileSync(firefox.zip, join(out, storeZipName(version, 'firefox')));
  execFileSync('git', ['archive', '--format=zip', '-o', join(out, `mfa-desk-${version}-sources.zip`), commit], { cwd: src });

  let chromeId: string | null = null;
  if (!releaseUrl) {
    notes.push(
      'No self-hosted files (.crx, .xpi, updates.xml, updates.json, policies): set MFA_DESK_RELEASE_URL to where IT will host them.',
    );
  } else {
    const keyPath = process.env.MFA_DESK_CRX_KEY;
    if (!keyPath) {
      notes.push(
        'No .crx, updates.xml or Chrome policies: MFA_DESK_CRX_KEY is not set. The Chrome extension ID follows from that key,\n' +
          '  so make it once and keep it outside the repository, then point MFA_DESK_CRX_KEY at it:\n' +
          '  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ~/mfa-desk-crx.pem',
      );
    } else {
      const selfHosted = Buffer.from(json(withChromeUpdateUrl(chromeManifest, releaseUrl)));
      const { crx, id } = packCrx(await zipFolder(chrome.dir, { 'manifest.json': selfHosted }), readFileSync(keyPath, 'utf8'));
      chromeId = id;
      writeFileSync(join(out, crxName(version)), crx);
      writeFileSync(join(out, 'updates.xml'), updatesXml({ id, version, releaseUrl }));
      const install = { id, updatesUrl: `${releaseUrl}/updates.xml`, settings: EXAMPLE_SETTINGS };
      writeFileSync(join(out, 'policy-chrome-linux.json'), json(chromePolicy(install)));
      writeFileSync(join(out, 'policy-chrome-windows.reg'), chromeReg(install));
      writeFileSync(join(out, 'policy-chrome-macos.mobileconfig'), chromeMobileconfig(install));
    }
    const xpi = await firefoxPackage(firefox.dir, withFirefoxUpdateUrl(firefoxManifest, releaseUrl));
    writeFileSync(join(out, xpiName(version)), xpi);
    writeFileSync(join(out, 'updates.json'), json(updatesJson({ version, releaseUrl, xpiSha256: sha256(xpi) })));
    writeFileSync(
      join(out, 'policy-firefox.json'),
      json(firefoxPolicy({ xpiUrl: `${releaseUrl}/${xpiName(version)}`, settings: EXAMPLE_SETTINGS })),
    );
  }

  const names = readdirSync(out).sort();
  const files = Object.fromEntries(names.map((name) => [name, sha256(readFileSync(join(out, name)))]));
  writeFileSync(join(out, 'release.json'), json({ version, chromeId, files }));

  console.log(`\nMFA Desk ${version} (${commit.slice(0, 12)}) in ${out}, in ${((Date.now() - started) / 1000).toFixed(0)} s:`);
  for (const name of [...names, 'release.json'])
    console.log(`  ${name.padEnd(40)} ${statSync(join(out, name)).size.toLocaleString('en')} bytes`);
  if (chromeId) console.log(`Chrome extension ID: ${chromeId}`);
  for (const note of notes) console.log(`\nNote: ${note}`);
}

try {
  await release();
} catch (error) {
  console.error(`\nThe release failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (work) rmSync(work, { recursive: true, force: true });
}

/** The self-distributed .xpi: signed by Mozilla (unlisted) when web-ext has AMO credentials, else unsigned. */
async function firefoxPackage(dir: string, manifest: Record<string, unknown>): Promise<Buffer> {
  if (!process.env.WEB_EXT_API_KEY || !process.env.WEB_EXT_API_SECRET) {
    notes.push(
      'The .xpi is unsigned (WEB_EXT_API_KEY and WEB_EXT_API_SECRET are not set). Firefox Release and Beta install only\n' +
        '  add-ons Mozilla has signed; an unsigned one installs only where xpinstall.signatures.required can be false\n' +
        '  (Firefox ESR, Developer Edition). Set both (AMO API keys) to sign it on the unlisted channel.',
    );
    return zipFolder(dir, { 'manifest.json': Buffer.from(json(manifest)) });
  }
  const folder = join(work, 'firefox-self-hosted');
  const signed = join(work, 'signed');
  cpSync(dir, folder, { recursive: true });
  writeFileSync(join(folder, 'manifest.json'), json(manifest));
  const sign = spawnSync('npx', ['web-ext', 'sign', '--channel', 'unlisted', '--source-dir', folder, '--artifacts-dir', signed], {
    cwd: src,
    stdio: 'inherit',
  });
  const [xpi] = sign.status === 0 ? readdirSync(signed).filter((name) => name.endsWith('.xpi')) : [];
  if (!xpi) throw new Error('web-ext sign did not give a signed .xpi; see above.');
  return readFileSync(join(signed, xpi));
}
