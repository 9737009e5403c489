// Two customers at once in Firefox: each with its own session, in the popup and the sidebar.
import { resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import { sandboxFixture } from '../sandbox-fixture';
import { launchFirefox } from './launch';
import { FirefoxPage } from './page';
import { saveApiBaseUrl, sendOtp } from './steps';

const test = base.extend<Record<never, never>, { sandbox: Sandbox; firefox: Browser }>({
  sandbox: sandboxFixture,
  firefox: [
    async ({}, use) => {
      const browser = await launchFirefox(resolve('.output/firefox-mv3'));
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

const A = { identifierType: 'EMAIL', identifierValue: 'asha.k@example.com', deviceId: 'ff-1', brand: 'Bukl' };
const B = { identifierType: 'MOBILE', identifierValue: '919876543210', deviceId: 'ff-1', brand: 'Bukl' };

/** Each customer's tab, as it reads. */
const tabs = (page: FirefoxPage) => page.page.$$eval('[role="tab"]', (found) => found.map((tab) => tab.textContent ?? ''));

test('in Firefox two customers keep their own sessions: A verified, B waiting; End session for A leaves B', async ({
  firefox,
  sandbox,
}) => {
  await saveApiBaseUrl(firefox, sandbox.url);
  const { popup, sessionId: a } = await sendOtp(firefox, sandbox, A);
  await popup.fill('OTP', sandbox.lastOtp(a)!);
  await popup.click('Validate OTP');
  await expect.poll(() => popup.textOf('status')).toContain('OTP validated');

  await popup.click('New customer');
  const b = sandbox.openSession(B);
  await popup.fill('Identifier value', B.identifierValue);
  await popup.fill('Device ID', B.deviceId);
  await popup.fill('Brand', B.brand, 'combobox');
  await popup.fill('Session ID', b);
  await popup.click('Send OTP');
  await expect.poll(() => popup.textOf('status')).toContain('OTP sent');
  await expect
    .poll(() => tabs(popup))
    .toEqual([expect.stringMatching(/^a•••@example\.com BuklVerified until/), expect.stringMatching(/^••••••••3210 BuklWaiting for code/)]);

  const sidebar = await FirefoxPage.open(firefox, 'sidepanel.html', 'Session');
  await expect.poll(() => tabs(sidebar)).toHaveLength(2);
  await expect.poll(() => sidebar.textOf('main')).toContain('No token yet');

  // A, chosen in the popup, is chosen in the sidebar too; End session ends A only.
  await popup.page.$$eval('[role="tab"]', (found) => (found[0] as HTMLElement).click());
  await expect.poll(() => popup.page.$eval('#session-id', (field) => (field as HTMLInputElement).value)).toBe(a);
  await expect.poll(() => sidebar.textOf('main')).toContain('USER: an access token');
  await popup.click('End session');
  await expect.poll(() => popup.textOf('status')).toContain('Session ended');
  await expect.poll(() => tabs(popup)).toEqual([expect.stringMatching(/Ended$/), expect.stringMatching(/Waiting for code/)]);
  expect(sandbox.counts['POST /auth/v1/mfa/token/expire']).toBe(1);
  await sidebar.close();
  await popup.close();
});
