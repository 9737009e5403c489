import { SEED_CUSTOMER } from '../../fixtures/capillary';
import type { Fault } from '../../sandbox/server';
import { expect, test, updateSettings } from './fixtures';

const customer = SEED_CUSTOMER;

// `sendAgain`: whether Send OTP is offered at once. After an answer that leaves unknown whether an SMS went out, the
// cooldown that started when the request left stays; after Capillary's own refusal, it is lifted.
const cases: { name: string; fault: Fault; says: RegExp; sendAgain: boolean }[] = [
  { name: 'an HTML error page', fault: 'html-502', says: /HTTP 502/, sendAgain: false },
  { name: 'a 200 that is not JSON', fault: 'not-json-200', says: /does not match.*not JSON/, sendAgain: false },
  { name: 'a reply that breaks the contract', fault: 'bad-shape-200', says: /does not match Capillary’s contract/, sendAgain: false },
  { name: 'HTTP 200 with success false', fault: 'soft-fail-200', says: /1503 Cannot generate OTP/, sendAgain: true },
  {
    name: 'Capillary’s OTP rate limit (HTTP 429, Retry-After 120)',
    fault: 'rate-limit-429',
    says: /Capillary is limiting OTPs for this customer or brand[\s\S]*Wait 120 s/,
    sendAgain: true,
  },
];

for (const { name, fault, says, sendAgain } of cases) {
  test(`${name} is reported in an alert`, async ({ popup, sandbox }) => {
    await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
    sandbox.injectFault(fault);
    await popup.sendButton.click();
    await expect(popup.alert).toContainText(says);
    if (sendAgain) await expect(popup.sendButton).toBeEnabled();
    else await expect(popup.sendButton).toHaveText(/Send OTP \(\d+ s\)/);
  });
}

test('an unknown session gets 1505 and the advice to start a new one', async ({ popup }) => {
  await popup.fill({ ...customer, sessionId: 'P-00000000-0000-0000-0000-000000000000' });
  await popup.sendButton.click();
  await expect(popup.alert).toContainText('1505 Invalid session');
  await expect(popup.alert).toContainText('Start a new session for this customer');
});

test('a brand that does not match the session gets 1509', async ({ popup, sandbox }) => {
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer), brand: 'Other' });
  await popup.sendButton.click();
  await expect(popup.alert).toContainText('1509');
});

test('a cluster that refuses the connection is a network error', async ({ popup, sandbox, extensionPage }) => {
  await updateSettings(extensionPage, { apiBaseUrl: 'http://127.0.0.1:9' });
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
  await popup.sendButton.click();
  await expect(popup.alert).toContainText('Network error');
  await expect(popup.alert).toContainText('Check your connection and the API base URL');
});

test('a cluster that never answers times out after 10 s', async ({ popup, sandbox }) => {
  test.setTimeout(30_000);
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
  sandbox.injectFault('hang');
  await popup.sendButton.click();
  await expect(popup.status).toContainText('Sending OTP');
  await expect(popup.alert).toContainText('did not answer within 10 s (timed out)', { timeout: 15_000 });
});

test('a custom host the browser does not let the extension reach is refused before anything is sent', async ({
  popup,
  sandbox,
  extensionPage,
}) => {
  await updateSettings(extensionPage, { apiBaseUrl: 'https://auth.brand.example' });
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
  await popup.sendButton.click();
  await expect(popup.alert).toContainText('does not allow MFA Desk to reach https://auth.brand.example');
  await expect(popup.alert).toContainText('Open Settings and click Allow access');
  // Settings says which host is withheld and offers to allow it (the browser then asks the agent).
  const settings = await popup.page.context().newPage();
  await settings.goto(popup.url.replace('popup.html', 'options.html'));
  await expect(settings.getByRole('alert')).toContainText('The browser does not let MFA Desk reach https://auth.brand.example yet.');
  await expect(settings.getByRole('button', { name: 'Allow access' })).toBeVisible();
  await settings.close();
});
