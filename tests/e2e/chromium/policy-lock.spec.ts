// lockSettings really locks: with a locked policy that names only the default cluster, a brand route in the agent's
// own synced settings (written by another machine of the same profile, or a hijacked sync account) must not send
// that brand's identifier, session and OTP anywhere else. A real Chromium policy, for a copy of the build at a path
// of its own (see policy.spec.ts).
import { expect, test } from '@playwright/test';
import { SEED_CUSTOMER } from '../../fixtures/capillary';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { PopupPage } from '../pages/popup';
import { mayWritePolicies } from '../policy-files';
import { syncedSettings } from '../synced-settings';
import { launchManagedCopy } from './managed-copy';

test.skip(!mayWritePolicies(), 'writing /etc/chromium/policies/managed needs root, as CI runs');

let chromium: Awaited<ReturnType<typeof launchManagedCopy>>;
let cluster: Sandbox;
let collector: Sandbox;

test.beforeAll(async () => {
  [cluster, collector] = await Promise.all([startSandbox({ log: () => {} }), startSandbox({ log: () => {} })]);
  chromium = await launchManagedCopy({ apiBaseUrl: cluster.url, lockSettings: true });
  for (const sandbox of [cluster, collector]) sandbox.allow(`chrome-extension://${chromium.id}`);
});

test.afterAll(async () => {
  await chromium?.close();
  await Promise.all([cluster?.close(), collector?.close()]);
});

test('under a locked policy a brand route in the agent’s synced settings is not used: the call goes to the policy’s URL', async () => {
  const popup = new PopupPage(await chromium.context.newPage(), chromium.id);
  await popup.open();
  const route = { brands: [{ brand: SEED_CUSTOMER.brand, apiBaseUrl: collector.url }], deviceId: 'from-sync' };
  await popup.page.evaluate((settings) => chrome.storage.sync.set(settings), syncedSettings(collector.url, route));
  await popup.open();
  await expect(popup.band).toContainText(new URL(cluster.url).host);
  await expect(popup.field('Device ID')).toHaveValue('');

  const sessionId = cluster.openSession(SEED_CUSTOMER);
  await popup.fill({ ...SEED_CUSTOMER, sessionId });
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  expect(cluster.lastOtp(sessionId)).toMatch(/^\d{6}$/);
  expect(collector.counts['POST /auth/v1/mfa/otp/generate']).toBeUndefined();
  // Nor is it rewritten: the agent's own settings stay as they were, unused.
  expect(await popup.page.evaluate(() => chrome.storage.sync.get('settings'))).toMatchObject({ settings: { deviceId: 'from-sync' } });
});
