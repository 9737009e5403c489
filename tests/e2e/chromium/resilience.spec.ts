import { SLOW_MS } from '../../sandbox/server';
import { callsWritten, expect, stopServiceWorker, test } from './fixtures';

const customer = { identifierType: 'EMAIL', identifierValue: 'asha.k@example.com', deviceId: 'dev-9', brand: 'Bukl' };
const GENERATE = 'POST /auth/v1/mfa/otp/generate';

test('a double click on Send OTP sends one request', async ({ popup, sandbox }) => {
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
  const before = sandbox.counts[GENERATE] ?? 0;
  sandbox.injectFault('slow');
  await popup.sendButton.dblclick();
  await expect(popup.status).toContainText('OTP sent', { timeout: SLOW_MS + 3000 });
  expect(sandbox.counts[GENERATE]).toBe(before + 1);
  expect(sandbox.outbox.filter((sent) => sent.to.includes(customer.identifierValue)).length).toBeGreaterThanOrEqual(1);
});

test('a popup closed mid-request loses nothing: the outcome is there on reopen', async ({ popup, sandbox, browserContext }) => {
  const session = { ...customer, sessionId: sandbox.openSession(customer) };
  await popup.fill(session);
  sandbox.injectFault('slow');
  await popup.sendButton.click();
  await expect(popup.status).toContainText('Sending OTP');
  await popup.page.close();

  await new Promise((resolve) => setTimeout(resolve, SLOW_MS + 500));
  const reopened = await browserContext.newPage();
  await reopened.goto(popup.url);
  await expect(reopened.getByRole('status')).toContainText('OTP sent');
  await expect(reopened.getByLabel('Session ID')).toHaveValue(session.sessionId);
  expect(sandbox.lastOtp(session.sessionId)).toMatch(/^\d{6}$/);
  await reopened.close();
});

test('the flow goes on after the browser stops the service worker', async ({ popup, sandbox }) => {
  const session = { ...customer, sessionId: sandbox.openSession(customer) };
  await popup.fill(session);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');

  await callsWritten(popup.page);
  await stopServiceWorker(popup.page);
  await popup.page.reload();
  await expect(popup.status).toContainText('OTP sent');
  await expect(popup.sendButton).toBeDisabled();
  await popup.validate(sandbox.lastOtp(session.sessionId)!);
  await expect(popup.status).toContainText('OTP validated');
});

test('with the service worker stopped and no usable snapshot, the popup opens from storage alone and the flow goes on', async ({
  popup,
  sandbox,
  extensionPage,
}) => {
  const snapshot = () => extensionPage.evaluate(async () => (await chrome.storage.session.get('popupSnapshot')).popupSnapshot);
  await extensionPage.evaluate(() =>
    chrome.storage.sync.set({
      settings: { version: 3, apiBaseUrl: '', brand: 'Nomad', deviceId: 'desk-4', cooldownSeconds: 30, brands: [] },
    }),
  );
  await expect.poll(snapshot).toMatchObject({ settings: { brand: 'Nomad' } });
  // A snapshot of another shape (as one written before an update would be), and no background to write a new one.
  await extensionPage.evaluate(() => chrome.storage.session.set({ popupSnapshot: { v: 0 } }));
  await stopServiceWorker(popup.page);
  await popup.page.reload();
  await expect(popup.field('Brand')).toHaveValue('Nomad');
  await expect(popup.page.getByRole('alert')).toContainText('API base URL');
  expect(await snapshot()).toEqual({ v: 0 });

  await extensionPage.evaluate(
    (url) =>
      chrome.storage.sync.set({
        settings: { version: 3, apiBaseUrl: url, brand: 'Bukl', deviceId: '1234', cooldownSeconds: 30, brands: [] },
      }),
    sandbox.url,
  );
  await expect(popup.band).toContainText(sandbox.url);
  const session = { ...customer, sessionId: sandbox.openSession(customer) };
  await popup.fill(session);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
});
