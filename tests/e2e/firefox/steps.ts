// Steps several Firefox specs take the same way, as an agent would: point Settings at a cluster, send an OTP.
import { expect } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import type { Customer } from '../../sandbox/tokens';
import { FirefoxPage } from './page';

/** Saves the API base URL in Settings and waits for "Saved". */
export async function saveApiBaseUrl(firefox: Browser, url: string) {
  const options = await FirefoxPage.open(firefox, 'options.html', 'MFA Desk settings');
  await options.fill('API base URL', url);
  await options.click('Save');
  await expect.poll(() => options.textOf('status')).toBe('Saved');
  await options.close();
}

/** Opens the popup, fills the customer and a session the sandbox opened for them, and sends the OTP. */
export async function sendOtp(firefox: Browser, sandbox: Sandbox, customer: Customer) {
  const popup = await FirefoxPage.open(firefox, 'popup.html', 'MFA Desk');
  const sessionId = sandbox.openSession(customer);
  await popup.select('Identifier type', customer.identifierType);
  await popup.fill('Identifier value', customer.identifierValue);
  await popup.fill('Device ID', customer.deviceId);
  await popup.fill('Brand', customer.brand, 'combobox');
  await popup.fill('Session ID', sessionId);
  await popup.click('Send OTP');
  await expect.poll(() => popup.textOf('status')).toContain('OTP sent');
  return { popup, sessionId };
}
