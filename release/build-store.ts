// `npm run build:store`: the store packages, built as every release builds them (`wxt build --mode store`: no
// sandbox door) and zipped so that the same sources always give the same bytes. The release runs this inside a
// clean clone; a reviewer runs it inside the sources zip.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipFolder } from './zip';

export const STORE_DIRS = { chrome: 'chrome-mv3-store', firefox: 'firefox-mv3-store' } as const;

/** The version, from package.json: the only place it is written. */
export const packageVersion = (root: string): string => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

export const storeZipName = (version: string, browser: keyof typeof STORE_DIRS) => `mfa-desk-${version}-${browser}.zip`;

/** Builds both store packages in `root` (its .output), zips them there, and returns their folders and zips. */
export async function buildStore(root: string) {
  // A mode other than "production" would make Vite build for development (JSX with source paths): say production.
  const { WXT_DEFAULT_API_BASE_URL: _sandbox, MFA_DESK_OUT_DIR: _outDir, ...rest } = process.env;
  const env = { ...rest, NODE_ENV: 'production' };
  for (const browser of ['chrome', 'firefox'] as const) {
    const build = spawnSync('npx', ['wxt', 'build', '--mode', 'store', '-b', browser], { cwd: root, env, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`The ${browser} store build failed; see above.`);
  }
  const version = packageVersion(root);
  const built = {} as Record<keyof typeof STORE_DIRS, { dir: string; zip: string }>;
  for (const browser of ['chrome', 'firefox'] as const) {
    const dir = join(root, '.output', STORE_DIRS[browser]);
    const zip = join(root, '.output', storeZipName(version, browser));
    writeFileSync(zip, await zipFolder(dir));
    built[browser] = { dir, zip };
  }
  return { version, ...built };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chrome, firefox } = await buildStore(process.cwd());
  console.log(`Store packages:\n  ${chrome.zip}\n  ${firefox.zip}`);
}
