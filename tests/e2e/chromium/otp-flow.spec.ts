import { SEED_CUSTOMER } from '../../fixtures/capillary';
import type { Sandbox } from '../../sandbox/server';
import { expect, test, updateSettings } from './fixtures';

const customer = SEED_CUSTOMER;

function openSession(sandbox: Sandbox) {
  return { ...customer, sessionId: sandbox.openSession(customer) };
}

test('an agent sends an OTP and validates the code the customer reads back', async ({ popup, sandbox, extensionPage }) => {
  const session = openSession(sandbox);
  await popup.fill(session);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  await expect(popup.status).toContainText('•••••••1754');

  await popup.validate(sandbox.lastOtp(session.sessionId)!);
  await expect(popup.status).toContainText('OTP validated');
  // The last step: verified until when, with End session; the code's field is gone with the code.
  await expect(popup.page.getByRole('group', { name: 'Verified' })).toContainText('Verified until');
  await expect(popup.field('OTP')).toHaveCount(0);

  const { auth } = (await extensionPage.evaluate(async () => (await chrome.storage.session.get('customer.0'))['customer.0'])) as {
    auth: { token: string; user: object };
  };
  expect(auth.token.split('.')).toHaveLength(3);
  expect(auth.user).toEqual({ appRegistered: false, sessionId: null, role: 'USER', userRegisteredForPassword: false });
});

test('a wrong code gets Capillary’s code and what to do, and five of them end the session', async ({ popup, sandbox }) => {
  const session = openSession(sandbox);
  await popup.fill(session);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  const right = sandbox.lastOtp(session.sessionId)!;
  const wrong = right === '000000' ? '111111' : '000000';

  await popup.validate(wrong);
  await expect(popup.alert).toContainText('1506 Invalid OTP');
  await expect(popup.alert).toContainText('Ask the customer to read the OTP again');
  for (let attempt = 2; attempt <= 5; attempt++) {
    await expect(popup.field('OTP')).toHaveValue('');
    await popup.validate(wrong);
  }
  await expect(popup.alert).toContainText('1518');
  await expect(popup.alert).toContainText('Start again from the beginning');
  await expect(popup.field('OTP')).toHaveValue('');
  await popup.validate(right);
  await expect(popup.alert).toContainText('1518');
  await expect(popup.alert).toContainText('just now');
  await expect(popup.page.getByText('OTP validated')).toHaveCount(0);
});

test('malformed fields send nothing and say what is wrong', async ({ popup, sandbox }) => {
  const sentBefore = sandbox.counts['POST /auth/v1/mfa/otp/generate'] ?? 0;
  await popup.fill({ ...customer, identifierValue: '98765 ABCDE', sessionId: '' });
  await popup.sendButton.click();
  await expect(popup.field('Identifier value')).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.field('Session ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.page.getByText('with its country code')).toBeVisible();
  expect(sandbox.counts['POST /auth/v1/mfa/otp/generate'] ?? 0).toBe(sentBefore);
});

test('the form survives closing and reopening the popup, and the cooldown counts down on the button', async ({ popup, sandbox }) => {
  const session = openSession(sandbox);
  await popup.fill(session);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  await expect(popup.sendButton).toBeDisabled();
  await expect(popup.sendButton).toHaveText(/Send OTP \(\d+ s\)/);
  const before = await popup.sendButton.textContent();
  await expect(popup.sendButton).not.toHaveText(before!, { timeout: 3000 });

  await popup.page.reload();
  await popup.sendButton.waitFor();
  await popup.unfold();
  await expect(popup.field('Identifier value')).toHaveValue(customer.identifierValue);
  await expect(popup.field('Session ID')).toHaveValue(session.sessionId);
  await expect(popup.status).toContainText('OTP sent');
  await expect(popup.sendButton).toBeDisabled();
});

test('the popup reads the form itself when its early storage read has not run', async ({ popup, sandbox }) => {
  const session = openSession(sandbox);
  await popup.fill(session);
  // popup-read.js's answer never arrives: the global it sets is swallowed, as if the script had not run yet.
  await popup.page.addInitScript(() => Object.defineProperty(window, 'popupStart', { get: () => undefined, set: () => {} }));
  await popup.page.reload();
  await popup.sendButton.waitFor();
  await popup.unfold();
  await expect(popup.field('Identifier value')).toHaveValue(customer.identifierValue);
  await expect(popup.field('Session ID')).toHaveValue(session.sessionId);
});

test('brand and device ID come from Settings for a new customer', async ({ popup, extensionPage }) => {
  await updateSettings(extensionPage, { brand: 'Acme', deviceId: 'desk-7' });
  await popup.page.reload();
  await expect(popup.field('Brand')).toHaveValue('Acme');
  await expect(popup.field('Device ID')).toHaveValue('desk-7');
});
