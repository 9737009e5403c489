// Checks of the built extension that need no browser: sizes (deterministic for a given build) and manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CLUSTERS } from '../../../lib/model/capillary/clusters';
import { pageScripts } from '../../bench/sizes';

const CHROME = '.output/chrome-mv3';
const manifest = JSON.parse(readFileSync(join(CHROME, 'manifest.json'), 'utf8'));

// The budgets, in kB of 1,000 bytes of gzip -9 as the brief counts them: what a page loads before it is ready.
test('the popup’s JavaScript is at most 20 kB gzipped', () => {
  expect(pageScripts(CHROME, 'popup.html').gzip).toBeLessThanOrEqual(20_000);
});

test('the background’s JavaScript is at most 25 kB gzipped', () => {
  expect(pageScripts(CHROME, 'background').gzip).toBeLessThanOrEqual(25_000);
});

test('the side panel’s JavaScript is at most 35 kB gzipped', () => {
  expect(pageScripts(CHROME, 'sidepanel.html').gzip).toBeLessThanOrEqual(35_000);
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
