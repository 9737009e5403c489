import { resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { SEED_TOKEN } from '../../fixtures/capillary';
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

const customer = { identifierType: 'EMAIL', identifierValue: 'asha.k@example.com', deviceId: 'ff-1', brand: 'Bukl' };

test('in Firefox an agent sets the cluster, sends and validates an OTP, and reads the claims in the sidebar', async ({
  firefox,
  sandbox,
}) => {
  const options = await FirefoxPage.open(firefox, 'options.html', 'MFA Desk settings');
  await options.fill('API base URL', 'http://example.com');
  await options.click('Save');
  await expect.poll(() => options.textOf('alert')).toContain('Use https');
  await options.close();
  await saveApiBaseUrl(firefox, sandbox.url);

  const { popup, sessionId } = await sendOtp(firefox, sandbox, customer);
  await popup.fill('OTP', '000000' === sandbox.lastOtp(sessionId) ? '111111' : '000000');
  await popup.click('Validate OTP');
  await expect.poll(() => popup.textOf('alert')).toContain('1506 Invalid OTP');
  await popup.fill('OTP', sandbox.lastOtp(sessionId)!);
  await popup.click('Validate OTP');
  await expect.poll(() => popup.textOf('status')).toContain('OTP validated');

  const panel = await FirefoxPage.open(firefox, 'sidepanel.html', 'Token');
  const shown = () => panel.textOf('main');
  await expect.poll(shown).toContain('USER: an access token');
  await expect.poll(shown).toContain('EMAIL|a•••@example.com');
  await expect.poll(shown).toContain('Validate attempt 2 of 5 — OK');
  await expect.poll(shown).toMatch(/expires in 1[45] min/);
  expect(await shown()).not.toContain(customer.identifierValue);
  await panel.close();
  await popup.close();
});

test('in Firefox an agent starts the MFA session from nothing through the first factor, then sends and validates', async ({
  firefox,
  sandbox,
}) => {
  await saveApiBaseUrl(firefox, sandbox.url);

  const someone = { ...customer, identifierValue: 'ravi.n@example.com' };
  const popup = await FirefoxPage.open(firefox, 'popup.html', 'MFA Desk');
  // The last test's customer is verified (its details stay as they are): this one is a new customer.
  await popup.click('New customer');
  await popup.select('Identifier type', someone.identifierType);
  await popup.fill('Identifier value', someone.identifierValue);
  await popup.fill('Device ID', someone.deviceId);
  await popup.fill('Brand', someone.brand, 'combobox');
  await popup.fill('Session ID', '');
  await popup.click('Send first-factor OTP');
  await expect.poll(() => popup.textOf('status')).toContain('First-factor OTP sent');
  await popup.fill('First-factor OTP', sandbox.lastOtpTo(someone.identifierValue, 'first factor')!);
  await popup.click('Verify first factor');
  await expect.poll(() => popup.textOf('status')).toContain('MFA session started');
  // The outcome can show (from storage) a moment before the reply fills Session ID in: wait for the field.
  const sessionIdValue = () => popup.page.evaluate(() => (document.getElementById('session-id') as HTMLInputElement).value);
  await expect.poll(sessionIdValue).toMatch(/^P-/);
  const sessionId = await sessionIdValue();
  await popup.click('Send OTP');
  await expect.poll(() => popup.textOf('status')).toContain('OTP sent');
  await popup.fill('OTP', sandbox.lastOtp(sessionId)!);
  await popup.click('Validate OTP');
  await expect.poll(() => popup.textOf('status')).toContain('OTP validated');
  await popup.close();
});

test('in Firefox the sidebar decodes a pasted JWT and names what is wrong with a broken one', async ({ firefox }) => {
  const panel = await FirefoxPage.open(firefox, 'sidepanel.html', 'Decode');
  await panel.paste('Paste a JWT', `"Bearer ${SEED_TOKEN}"`);
  await expect.poll(() => panel.textOf('main')).toContain('Expires 2024-05-29T06:17:37Z');
  await panel.paste('Paste a JWT', 'abc.def');
  await expect.poll(() => panel.textOf('alert')).toContain('A JWT has 3 parts');
  await panel.close();
});
