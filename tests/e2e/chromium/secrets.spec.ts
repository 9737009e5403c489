import { SEED_CUSTOMER } from '../../fixtures/capillary';
import { expect, liveServiceWorker, test } from './fixtures';

const customer = SEED_CUSTOMER;

test('after the whole flow, no token, key, OTP, session ID or identifier is in persistent storage or the console', async ({
  popup,
  sandbox,
  extensionPage,
}) => {
  const lines: string[] = [];
  popup.page.on('console', (message) => lines.push(message.text()));
  const session = { ...customer, sessionId: sandbox.openSession(customer) };
  await popup.fill(session);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  const otp = sandbox.lastOtp(session.sessionId)!;
  await popup.validate(otp);
  await expect(popup.status).toContainText('OTP validated');

  const { auth } = (await extensionPage.evaluate(async () => (await chrome.storage.session.get('customer.0'))['customer.0'])) as {
    auth: { token: string; key: string };
  };
  const secrets = [
    auth.token,
    auth.key,
    otp,
    ...auth.token.split('.'),
    ...auth.key.split('.'),
    session.sessionId,
    customer.identifierValue,
  ];
  const persistent = await extensionPage.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    localStorage: { ...localStorage },
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
  }));
  const dump = JSON.stringify(persistent);
  for (const secret of secrets) expect(dump).not.toContain(secret);
  for (const secret of secrets) for (const line of lines) expect(line).not.toContain(secret);
  expect(persistent.indexedDB).toEqual([]);
  expect(persistent.localStorage).toEqual({});
  // The form in storage.session no longer holds the spent OTP either.
  const { 'form.0': form } = (await extensionPage.evaluate(() => chrome.storage.session.get('form.0'))) as { 'form.0': { otp: string } };
  expect(form.otp).toBe('');
});

test('the background listens to no other extension or web page', async ({ extensionId, extensionPage }) => {
  const worker = await liveServiceWorker(extensionPage, extensionId);
  const listening = await worker.evaluate(() => ({
    internal: chrome.runtime.onMessage.hasListeners(),
    external: chrome.runtime.onMessageExternal.hasListeners() || chrome.runtime.onConnectExternal.hasListeners(),
  }));
  expect(listening).toEqual({ internal: true, external: false });
});
