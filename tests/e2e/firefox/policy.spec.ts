// An organisation's policy as Firefox reads it: policies.json → 3rdparty → Extensions → the add-on's ID, read when
// Firefox starts. Written for this file's own Firefox and put back as it was after.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { FIREFOX_ID } from '../../../lib/platform/firefox-id';
import { FIREFOX_ORIGIN } from '../../sandbox/extension-origins';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { mayWritePolicies, writeFirefoxPolicy } from '../policy-files';
import { launchFirefox } from './launch';
import { FirefoxPage } from './page';

test.skip(!mayWritePolicies(), 'writing /etc/firefox/policies needs root, as CI runs');

let restorePolicy: () => void;
let firefox: Browser;
let cluster: Sandbox;

test.beforeAll(async () => {
  cluster = await startSandbox({ log: () => {}, extensions: [FIREFOX_ORIGIN] });
  restorePolicy = writeFirefoxPolicy(FIREFOX_ID, {
    apiBaseUrl: cluster.url,
    brand: 'Bukl',
    deviceId: 'store-12',
    lockSettings: true,
    cooldownSeconds: 'soon',
  });
  firefox = await launchFirefox(resolve('.output/firefox-mv3'));
});

test.afterAll(async () => {
  await firefox?.close();
  restorePolicy?.();
  await cluster?.close();
});

const fieldState = (page: FirefoxPage, id: string) =>
  page.page.evaluate((id) => {
    const field = document.getElementById(id) as HTMLInputElement;
    return { value: field.value, disabled: field.disabled };
  }, id);

test('in Firefox the popup starts from the policy and sends to the managed URL, with Settings never opened', async () => {
  const popup = await FirefoxPage.open(firefox, 'popup.html', 'MFA Desk');
  expect(await fieldState(popup, 'brand')).toEqual({ value: 'Bukl', disabled: false });
  expect(await fieldState(popup, 'device-id')).toEqual({ value: 'store-12', disabled: false });
  expect(await popup.textOf('main')).toContain(new URL(cluster.url).host);
  const customer = { identifierType: 'MOBILE', identifierValue: '18767431754', deviceId: 'store-12', brand: 'Bukl' };
  const sessionId = cluster.openSession(customer);
  await popup.fill('Identifier value', customer.identifierValue);
  await popup.fill('Session ID', sessionId);
  await popup.click('Send OTP');
  await expect.poll(() => popup.textOf('status')).toContain('OTP sent');
  expect(cluster.lastOtp(sessionId)).toMatch(/^\d{6}$/);
  await popup.close();
});

test('in Firefox Settings shows the policy’s values locked, and the invalid one as not used', async () => {
  const options = await FirefoxPage.open(firefox, 'options.html', 'MFA Desk settings');
  expect(await options.textOf('main')).toContain('Your organisation has locked these settings: they cannot be changed here.');
  expect(await fieldState(options, 'api-base-url')).toEqual({ value: cluster.url, disabled: true });
  expect(await fieldState(options, 'default-brand')).toEqual({ value: 'Bukl', disabled: true });
  // The policy's cooldown is not a number: the agent's own (the default, 30) is used, locked.
  expect(await fieldState(options, 'cooldown')).toEqual({ value: '30', disabled: true });
  expect(await options.textOf('alert')).toContain('Send OTP cooldown ("soon") is not used: A whole number of seconds from 0 to 600.');
  expect(await options.page.$('::-p-aria(Save[role="button"])')).toBeNull();
  await options.close();
});
