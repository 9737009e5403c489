// Clearing a copied token, in Firefox: the event page does it 60 s later with navigator.clipboard, the sidebar
// closed. As in the Chromium spec, the optional clipboard permissions are granted at install in a copy of the build
// (no automation reaches the browser's prompt); the 60 s are shortened by moving the background's alarm to now.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import { sandboxFixture } from '../sandbox-fixture';
import { launchFirefox } from './launch';
import { FirefoxPage } from './page';
import { saveApiBaseUrl, sendOtp } from './steps';

function clipboardAllowedCopy(): string {
  const dir = join(tmpdir(), 'mfa-desk-e2e-firefox-clipboard');
  rmSync(dir, { recursive: true, force: true });
  cpSync(resolve('.output/firefox-mv3'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions.push(...manifest.optional_permissions);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const test = base.extend<Record<never, never>, { sandbox: Sandbox; firefox: Browser }>({
  sandbox: sandboxFixture,
  firefox: [
    async ({}, use) => {
      const browser = await launchFirefox(clipboardAllowedCopy());
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

const customer = { identifierType: 'EMAIL', identifierValue: 'mei.l@example.com', deviceId: 'ff-2', brand: 'Bukl' };

test('in Firefox a copied token leaves the clipboard 60 s later though the sidebar was closed', async ({ firefox, sandbox }) => {
  await saveApiBaseUrl(firefox, sandbox.url);
  const { popup, sessionId } = await sendOtp(firefox, sandbox, customer);
  await popup.fill('OTP', sandbox.lastOtp(sessionId)!);
  await popup.click('Validate OTP');
  await expect.poll(() => popup.textOf('status')).toContain('OTP validated');

  const panel = await FirefoxPage.open(firefox, 'sidepanel.html', 'Token');
  await panel.click('Copy token');
  await expect.poll(() => panel.textOf('status')).toContain('cleared in 60 s');
  const clipboard = () => popup.page.evaluate(() => navigator.clipboard.readText());
  expect(await clipboard()).toMatch(/^eyJ/);
  await panel.close();

  // The 60 s are up: the background's alarm, moved to now from one of the extension's pages.
  await popup.page.evaluate(() => browser.alarms.create('clear-clipboard', { when: Date.now() }));
  await expect.poll(clipboard).toBe('');
  const reopened = await FirefoxPage.open(firefox, 'sidepanel.html', 'Token');
  await expect.poll(() => reopened.textOf('status')).toContain('Clipboard cleared: the token copied 60 s ago is no longer on it.');
  await reopened.close();
  await popup.close();
});
