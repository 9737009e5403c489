// Checks of the built extension that need no browser: sizes (deterministic for a given build) and manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CLUSTERS } from '../../../lib/model/capillary/clusters';
import { BUDGETS } from '../../bench/budgets';
import { pageScripts } from '../../bench/sizes';

const CHROME = '.output/chrome-mv3';
const manifest = JSON.parse(readFileSync(join(CHROME, 'manifest.json'), 'utf8'));

// The budgets (tests/bench/budgets.ts), in bytes of gzip -9: what a page loads before it is ready.
for (const { name, page, bytes } of BUDGETS) {
  test(`the ${name}’s JavaScript is at most ${bytes / 1000} kB gzipped`, () => {
    expect(pageScripts(CHROME, page).gzip).toBeLessThanOrEqual(bytes);
  });
}

test('before it is ready the popup loads its own script and its storage read only: no chunk it shares with another page, no webextension-polyfill', () => {
  const { files } = pageScripts(CHROME, 'popup.html');
  expect(files.map((file) => file.replace(/-[\w-]{8}\.js$/, '.js')).sort()).toEqual(['chunks/popup.js', 'popup-read.js']);
  // The polyfill's own guard message: in every bundle that carries it, minified or not.
  for (const file of files) expect(readFileSync(join(CHROME, file), 'utf8')).not.toContain('only be loaded in a browser extension');
});

test('host permissions cover the five clusters (and, in this build for the sandbox, http on this machine) only; any other https host is optional', () => {
  const sandbox = ['http://127.0.0.1/*', 'http://localhost/*'];
  expect(manifest.host_permissions.sort()).toEqual([...CLUSTERS.map((cluster) => `${cluster.baseUrl}/*`), ...sandbox].sort());
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  expect(manifest.permissions).not.toContain('tabs');
});

test('no page outside the extension is allowed to connect', () => {
  expect(manifest.externally_connectable).toBeUndefined();
});
