import { SEED_CUSTOMER } from '../../fixtures/capillary';
import type { PopupPage } from '../pages/popup';
import { callsWritten, expect, test } from './fixtures';

const customer = { ...SEED_CUSTOMER, sessionId: '' };
/** What Chrome shows of a popup at most. */
const POPUP_MAX_HEIGHT = 600;
const wrongFor = (otp: string) => (otp === '000000' ? '111111' : '000000');

/** The popup's height at its width, and where its outcome line (status or alert) ends. */
async function measure(popup: PopupPage) {
  return popup.page.evaluate(() => {
    const outcome = [...document.querySelectorAll('main [role="status"], main [role="alert"]')].filter((node) => node.textContent);
    return {
      height: document.querySelector('main')!.getBoundingClientRect().bottom,
      outcomeBottom: Math.max(0, ...outcome.map((node) => node.getBoundingClientRect().bottom)),
      primaries: [...document.querySelectorAll('main button.primary')].map((button) => button.textContent),
    };
  });
}

async function expectFits(popup: PopupPage, state: string) {
  const { height, outcomeBottom, primaries } = await measure(popup);
  expect(height, `${state}: height`).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
  expect(outcomeBottom, `${state}: outcome`).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
  expect(primaries.length, `${state}: one main button (${primaries.join(', ')})`).toBeLessThanOrEqual(1);
}

test('every step of the chain fits in a 600 px popup, one step and one main button at a time, the outcome in view', async ({
  popup,
  sandbox,
}) => {
  await popup.page.setViewportSize({ width: 380, height: 800 });
  await expectFits(popup, 'a new customer');
  await popup.fill(customer);
  await expect(popup.page.getByRole('group', { name: 'Start an MFA session' })).toBeVisible();
  await expect(popup.field('OTP')).toHaveCount(0);

  await popup.button('Send first-factor OTP').click();
  await expect(popup.status).toContainText('First-factor OTP sent');
  // The customer folds into one line once the background's snapshot says the first factor is under way, a moment
  // after the reply: measured when it has.
  await expect(popup.button('Change')).toBeVisible();
  await expectFits(popup, 'first-factor code awaited');
  const firstOtp = sandbox.lastOtpTo(customer.identifierValue, 'first factor')!;
  await popup.field('First-factor OTP').fill(wrongFor(firstOtp));
  await popup.button('Verify first factor').click();
  await expect(popup.alert).toContainText('1506');
  await expectFits(popup, 'a wrong first-factor code');
  await popup.field('First-factor OTP').fill(firstOtp);
  await popup.button('Verify first factor').click();
  await expect(popup.status).toContainText('MFA session started');
  await expect(popup.page.getByRole('group', { name: 'Send the OTP' })).toBeVisible();
  await expectFits(popup, 'session started');

  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  await expect(popup.page.getByRole('group', { name: 'Code from the customer' })).toBeVisible();
  // The wait is said, and Send OTP is not the main button any more: Validate OTP is.
  await expect(popup.page.getByText(/Cooldown for this customer, so they do not get two SMS: the next one can go at/)).toBeVisible();
  await expectFits(popup, 'OTP sent');
  const sessionId = await popup.field('Session ID').inputValue();
  const otp = sandbox.lastOtp(sessionId)!;
  await popup.validate(wrongFor(otp));
  await expect(popup.alert).toContainText('1506 Invalid OTP');
  // The keyboard stays in the code's field after a wrong code.
  await expect(popup.field('OTP')).toBeFocused();
  await expectFits(popup, 'a wrong code');
  // The next code is typed at an agent's pace, once the background's writes after the wrong one have landed (a code
  // typed sooner is kept too: the desk's and the popup's component tests).
  await callsWritten(popup.page);
  await popup.validate(otp);
  await expect(popup.status).toContainText('OTP validated');
  await expect(popup.page.getByRole('group', { name: 'Verified' })).toContainText('Verified until');
  await expectFits(popup, 'verified');

  // Ten customers on the desk: their tabs take one row.
  for (let n = 1; n < 10; n++) {
    await popup.button('New customer').click();
    await expect(popup.page.getByRole('tab')).toHaveCount(n + 1);
  }
  await expectFits(popup, 'ten customers');
  // The one on screen is the newest, and its tab is in view in the row.
  const chosen = popup.page.getByRole('tab', { selected: true });
  await expect(chosen).toBeInViewport();
});

test('a code that never reached Capillary is kept, with Retry', async ({ popup, sandbox }) => {
  const session = { ...SEED_CUSTOMER, sessionId: sandbox.openSession(SEED_CUSTOMER) };
  await popup.fill(session);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  sandbox.injectFault('html-502');
  await popup.validate(sandbox.lastOtp(session.sessionId)!);
  await expect(popup.alert).toContainText('502');
  await expect(popup.field('OTP')).toHaveValue(sandbox.lastOtp(session.sessionId)!);
  await expect(popup.field('OTP')).toBeFocused();
  await popup.button('Retry').click();
  await expect(popup.status).toContainText('OTP validated');
});

test('typing customer B over customer A never sends A’s session for B', async ({ popup, sandbox }) => {
  const a = { ...SEED_CUSTOMER, sessionId: sandbox.openSession(SEED_CUSTOMER) };
  await popup.fill(a);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  const before = sandbox.requests.length;
  await popup.unfold();
  await popup.field('Identifier value').fill('919876543210');
  await expect(popup.page.getByRole('status').filter({ hasText: 'left behind' })).toBeVisible();
  await expect(popup.field('Session ID')).toHaveValue('');
  await popup.field('Identifier value').press('Enter');
  await expect(popup.status).toContainText('First-factor OTP sent');
  const after = sandbox.requests.slice(before);
  expect(after.length).toBeGreaterThan(0);
  for (const request of after) expect(JSON.stringify(request.body)).not.toContain(a.sessionId);
});

test('on a first start the popup asks which cluster before the first call, and the band says the choice', async ({
  popup,
  extensionPage,
}) => {
  await extensionPage.evaluate(() => chrome.storage.sync.clear());
  const question = popup.page.getByText('Which Capillary cluster are your brands on?');
  await expect(async () => {
    await popup.page.reload();
    await expect(question).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(popup.page.getByText('Calls go to')).toHaveCount(0);
  await popup.field('Cluster').selectOption('India');
  await popup.button('Use this cluster').click();
  await expect(popup.band).toHaveText('Calls go to India');
  await expect(question).toHaveCount(0);
  expect(await extensionPage.evaluate(() => chrome.storage.sync.get('settings'))).toMatchObject({
    settings: { apiBaseUrl: 'https://apac.api.capillarytech.com' },
  });
});
