// `npm run submit`: uploads the release's store packages with `wxt submit` (publish-browser-extension), to each store
// whose credentials are in the environment. `npm run submit:dry` (or `-- --dry-run`) only shows what would be
// uploaded where and which credentials are missing: it needs none, and sends nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const out = join(process.cwd(), '.output', 'release');
const dryRun = process.argv.includes('--dry-run');

if (!existsSync(join(out, 'release.json'))) {
  console.error('Nothing to submit: run npm run release first.');
  process.exit(1);
}
const { version, files } = JSON.parse(readFileSync(join(out, 'release.json'), 'utf8')) as {
  version: string;
  files: Record<string, string>;
};

/** Each store: the files `wxt submit` uploads there, and the credentials it reads from the environment. */
const STORES = [
  {
    store: 'Chrome Web Store',
    uploads: { '--chrome-zip': `mfa-desk-${version}-chrome.zip` },
    credentials: ['CHROME_EXTENSION_ID', 'CHROME_CLIENT_ID', 'CHROME_CLIENT_SECRET', 'CHROME_REFRESH_TOKEN'],
  },
  {
    store: 'addons.mozilla.org',
    uploads: { '--firefox-zip': `mfa-desk-${version}-firefox.zip`, '--firefox-sources-zip': `mfa-desk-${version}-sources.zip` },
    credentials: ['FIREFOX_EXTENSION_ID', 'FIREFOX_JWT_ISSUER', 'FIREFOX_JWT_SECRET'],
  },
  {
    store: 'Edge Add-ons',
    uploads: { '--edge-zip': `mfa-desk-${version}-chrome.zip` },
    credentials: ['EDGE_PRODUCT_ID', 'EDGE_CLIENT_ID', 'EDGE_API_KEY'],
  },
];

for (const name of new Set(STORES.flatMap(({ uploads }) => Object.values(uploads)))) {
  if (
    createHash('sha256')
      .update(readFileSync(join(out, name)))
      .digest('hex') !== files[name]
  ) {
    console.error(`${name} is not the file release.json names: run npm run release again.`);
    process.exit(1);
  }
}

const missing = (credentials: string[]) => credentials.filter((name) => !process.env[name]);
const ready = STORES.filter(({ credentials }) => missing(credentials).length === 0);
const args = [
  'wxt',
  'submit',
  ...ready.flatMap(({ uploads }) => Object.entries(uploads).flatMap(([flag, name]) => [flag, join(out, name)])),
];

if (dryRun) {
  console.log(`MFA Desk ${version}: what npm run submit would upload (dry run: nothing is sent)`);
  for (const { store, uploads, credentials } of STORES) {
    const needs = missing(credentials);
    console.log(`${store}: ${needs.length === 0 ? 'credentials set' : `skipped, needs ${needs.join(', ')}`}`);
    for (const [flag, name] of Object.entries(uploads)) {
      console.log(`  ${flag} ${name}  ${statSync(join(out, name)).size.toLocaleString('en')} bytes  sha256 ${files[name]}`);
    }
  }
  console.log(ready.length > 0 ? `Command: npx ${args.join(' ')}` : 'No store has its credentials set: nothing would be uploaded.');
} else if (ready.length === 0) {
  console.error('Not submitted: no store has its credentials set (see npx wxt submit init, or npm run submit:dry).');
  process.exit(1);
} else {
  process.exit(spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1);
}
