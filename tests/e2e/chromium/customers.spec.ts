// Several customers at once, as a chat agent holds them: each with its own session, kept apart in popup and panel.
import type { Page } from '@playwright/test';
import { SEED_CUSTOMER } from '../../fixtures/capillary';
import { PopupPage } from '../pages/popup';
import { expect, openPanel, test, validateSession } from './fixtures';

const A = SEED_CUSTOMER;
const B = { ...SEED_CUSTOMER, identifierValue: '919876543210' };
const C = { ...SEED_CUSTOMER, identifierValue: '447700900123', brand: 'Nomad' };

const tab = (page: Page, name: RegExp) => page.getByRole('tablist', { name: 'Customers' }).getByRole('tab', { name });

test('three customers: A verified, B waiting for its code, C ended; each as it was in a reopened popup and panel', async ({
  popup,
  sandbox,
  extensionId,
}) => {
  const { page } = popup;
  const a = await validateSession(popup, sandbox, A);
  await popup.field('Ticket or chat reference').fill('#48213');

  await popup.button('New customer').click();
  await expect(popup.field('Identifier value')).toHaveValue('');
  await expect(popup.field('Identifier value')).toBeFocused();
  const b = { ...B, sessionId: sandbox.openSession(B) };
  await popup.fill(b);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');

  await popup.button('New customer').click();
  await validateSession(popup, sandbox, C);
  await popup.button('End session').click();
  await expect(popup.status).toContainText('Session ended');

  await page.reload();
  await expect(tab(page, /•••••••1754 Bukl/)).toContainText('Verified until');
  await expect(tab(page, /••••••••3210 Bukl/)).toContainText('Waiting for code');
  await expect(tab(page, /••••••••0123 Nomad/)).toContainText('Ended');
  await expect(tab(page, /0123 Nomad/)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab')).toHaveCount(3);
  await expect.poll(() => page.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

  // The panel lists the same customers; choosing A there chooses it in the popup.
  const panel = await openPanel(page, extensionId);
  await expect(panel.page.getByRole('tab')).toHaveCount(3);
  await tab(panel.page, /1754 Bukl/).click();
  await expect(panel.page.getByLabel('Summary')).toContainText('Verified until');
  await expect(tab(page, /1754 Bukl/)).toHaveAttribute('aria-selected', 'true');
  await expect(popup.field('Session ID')).toHaveValue(a.sessionId);
  await expect(popup.field('Ticket or chat reference')).toHaveValue('#48213');

  // Copy note: the ticket's line, with none of the secrets (what the page puts on the clipboard, kept to read back).
  await page.evaluate(() => {
    navigator.clipboard.writeText = async (text) => void sessionStorage.setItem('copied', text);
  });
  await popup.button('Copy note').click();
  await expect(popup.status.filter({ hasText: 'Note copied' })).toBeVisible();
  const note = await page.evaluate(() => sessionStorage.getItem('copied'));
  expect(note).toMatch(
    /^MFA verified · Bukl · MOBILE •••••••1754 · .* · OTP sent .*, validated .* \(attempt 1 of 5\) · verified until .* · ref #48213$/,
  );
  const token = await panel.page.evaluate(async () => {
    const { 'customer.0': first } = await chrome.storage.session.get('customer.0');
    return (first as { auth: { token: string; key: string } }).auth;
  });
  for (const secret of [token.token, token.key, a.sessionId, A.identifierValue]) expect(note).not.toContain(secret);

  // End session for A answers while B is on screen: it lands on A, and B is as it was.
  const expires = sandbox.counts['POST /auth/v1/mfa/token/expire'] ?? 0;
  sandbox.injectFault('slow');
  await popup.button('End session').click();
  await tab(page, /3210 Bukl/).click();
  await expect(popup.field('Session ID')).toHaveValue(b.sessionId);
  await expect.poll(() => sandbox.counts['POST /auth/v1/mfa/token/expire']).toBe(expires + 1);
  await expect(tab(page, /1754 Bukl/)).toContainText('Ended');
  await expect(tab(page, /3210 Bukl/)).toContainText('Waiting for code');
  await expect(popup.field('Session ID')).toHaveValue(b.sessionId);
  await expect(popup.status).toContainText('OTP sent');
  await expect(popup.button('End session')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => chrome.action.getBadgeText({}))).toBe('●');
});

test('an eleventh customer is refused with what to do; Close customer frees a place', async ({ popup, extensionPage }) => {
  for (let n = 1; n < 10; n++) await popup.button('New customer').click();
  await expect(popup.page.getByRole('tab')).toHaveCount(10);
  await popup.button('New customer').click();
  await expect(popup.alert).toContainText('ten customers are open: end or close one before starting another');
  await popup.button('Close customer').click();
  await expect(popup.page.getByRole('tab')).toHaveCount(9);
  await popup.button('New customer').click();
  await expect(popup.page.getByRole('tab')).toHaveCount(10);
  // Its context-menu item is there (automation cannot click a native menu; tests/unit/desk/customers.test.ts
  // runs what a click does).
  await extensionPage.evaluate(() => chrome.contextMenus.update('use-as-customer', { title: 'Use as customer in MFA Desk' }));
});

test('a selection that made no customer is said in the popup that opens for it', async ({ extensionPage, extensionId }) => {
  await extensionPage.evaluate(() => chrome.storage.session.set({ menuNotice: { notice: 'not-a-customer', at: Date.now() } }));
  const popup = new PopupPage(await extensionPage.context().newPage(), extensionId);
  await popup.open();
  await expect(popup.alert).toContainText('neither a phone number nor an email address');
  await popup.page.close();
});
