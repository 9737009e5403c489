// An organisation's policy, as Chromium reads it from /etc/chromium/policies/managed, for a copy of the built
// extension at a path of its own (an unpacked extension's ID follows from its path), so that no other test's
// extension is managed while this one runs.
import { expect, test } from '@playwright/test';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { PopupPage } from '../pages/popup';
import { mayWritePolicies } from '../policy-files';
import { launchManagedCopy } from './managed-copy';

test.skip(!mayWritePolicies(), 'writing /etc/chromium/policies/managed needs root, as CI runs');

const customer = { identifierType: 'MOBILE', identifierValue: '18767431754', deviceId: 'store-12', brand: 'Bukl' };

let chromium: Awaited<ReturnType<typeof launchManagedCopy>>;
let id: string;
let cluster: Sandbox;
let nomadCluster: Sandbox;

test.beforeAll(async () => {
  [cluster, nomadCluster] = await Promise.all([startSandbox({ log: () => {} }), startSandbox({ log: () => {} })]);
  chromium = await launchManagedCopy({
    apiBaseUrl: cluster.url,
    brand: 'Bukl',
    deviceId: 'store-12',
    cooldownSeconds: 45,
    lockSettings: true,
    brands: [
      { brand: 'Nomad', apiBaseUrl: nomadCluster.url },
      { brand: 'Acme', apiBaseUrl: 'http://acme.example' },
    ],
  });
  id = chromium.id;
  for (const sandbox of [cluster, nomadCluster]) sandbox.allow(`chrome-extension://${id}`);
});

test.afterAll(async () => {
  await chromium?.close();
  await Promise.all([cluster?.close(), nomadCluster?.close()]);
});

test('the popup starts from the policy and sends to the managed URL, with Settings never opened', async () => {
  const popup = new PopupPage(await chromium.context.newPage(), id);
  await popup.open();
  await expect(popup.field('Brand')).toHaveValue('Bukl');
  await expect(popup.field('Device ID')).toHaveValue('store-12');
  await expect(popup.band).toContainText(new URL(cluster.url).host);
  const sessionId = cluster.openSession(customer);
  await popup.field('Identifier value').fill(customer.identifierValue);
  await popup.field('Session ID').fill(sessionId);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  expect(cluster.lastOtp(sessionId)).toMatch(/^\d{6}$/);
  // The policy's cooldown (45 s), not the default 30.
  await expect(popup.sendButton).toHaveText(/Send OTP \(4[45] s\)/);

  // A brand on the policy's list goes to its own cluster, and the band says so (another customer: the same number
  // would wait for the cooldown whatever the brand).
  await popup.unfold();
  await popup.field('Brand').fill('Nomad');
  await expect(popup.band).toContainText(`${nomadCluster.url}, unencrypted`);
  await expect(popup.band).toContainText('for brand Nomad');
  const nomad = { ...customer, identifierValue: '919876543210', brand: 'Nomad' };
  await popup.field('Identifier value').fill(nomad.identifierValue);
  const nomadSession = nomadCluster.openSession(nomad);
  await popup.field('Session ID').fill(nomadSession);
  await popup.sendButton.click();
  await expect(popup.status).toContainText(/OTP sent for .* · Nomad/);
  expect(nomadCluster.lastOtp(nomadSession)).toMatch(/^\d{6}$/);
  expect(cluster.counts['POST /auth/v1/mfa/otp/generate']).toBe(1);
  await popup.page.close();
});

test('Settings shows the locked values as set by the organisation, and names the policy value it ignores', async () => {
  const page = await chromium.context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await expect(page.getByText('Your organisation has locked these settings: they cannot be changed here.')).toBeVisible();
  const url = page.getByRole('group', { name: 'Capillary cluster' }).getByLabel('API base URL');
  await expect(url).toHaveValue(cluster.url);
  await expect(url).toBeDisabled();
  await expect(url).toHaveAccessibleDescription('Set by your organisation');
  await expect(page.getByLabel('Brand', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('Send OTP cooldown (seconds)')).toHaveValue('45');
  await expect(page.getByRole('group', { name: 'Brand 1' }).getByLabel('Brand name')).toHaveValue('Nomad');
  await expect(page.getByRole('group', { name: 'Brand 2' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  // Chromium hands the policy over with its keys sorted.
  await expect(page.getByRole('alert')).toContainText(/Brand 2 \(\{.*"http:\/\/acme\.example".*\}\) is not used: Use https/);
  await page.close();
});
