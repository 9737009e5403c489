// An agent's flow with the keyboard alone: from the customer fields to "OTP validated", through the first factor.
import { SEED_CUSTOMER } from '../../fixtures/capillary';
import { expect, test } from './fixtures';

const customer = { ...SEED_CUSTOMER, identifierValue: '+1 (876) 743-1754' };

test('from the customer fields to "OTP validated" without the mouse', async ({ popup, sandbox }) => {
  const { page } = popup;
  await popup.field('Identifier type').focus();
  await page.keyboard.press('Tab');
  await expect(popup.field('Identifier value')).toBeFocused();
  await page.keyboard.type(customer.identifierValue);
  await expect(page.getByText('Sent as 18767431754')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type(customer.deviceId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(customer.brand);
  await expect(popup.field('Brand')).toHaveValue(customer.brand);

  // Session ID is empty: Enter sends the first-factor OTP, and focus waits in its field.
  await page.keyboard.press('Enter');
  await expect(popup.status).toContainText('First-factor OTP sent');
  await expect(popup.field('First-factor OTP')).toBeFocused();
  await page.keyboard.type(sandbox.lastOtpTo('18767431754', 'first factor')!);
  await page.keyboard.press('Enter');
  await expect(popup.status).toContainText('MFA session started');

  // Focus is on Session ID: Enter sends the OTP, and focus moves to the OTP field.
  await expect(popup.field('Session ID')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(popup.status).toContainText('OTP sent');
  await expect(popup.field('OTP')).toBeFocused();
  const sessionId = await popup.field('Session ID').inputValue();
  const code = sandbox.lastOtp(sessionId)!;
  await page.keyboard.type(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.keyboard.press('Enter');
  await expect(popup.status).toContainText('OTP validated');
});

test('every control is reached with Tab in reading order, each with a visible focus ring', async ({ popup }) => {
  const { page } = popup;
  await popup.fill({ ...SEED_CUSTOMER, sessionId: 'P-1' });
  await page.getByRole('switch', { name: 'Screen-share mode' }).focus();
  const order: string[] = [];
  for (let i = 0; i < 15; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement;
      const name = (element.labels?.[0] ?? element).textContent?.trim();
      const ring = getComputedStyle(element).outlineStyle !== 'none';
      return `${name}${ring ? '' : ' (no focus ring)'}`;
    });
    order.push(focused);
  }
  expect(order).toEqual([
    'Screen-share mode',
    'Settings',
    // The one customer's tab (a tablist is one stop), then New customer.
    '•••••••1754 BuklNot verified yet',
    'New customer',
    'Identifier type',
    'Identifier value',
    'Device ID',
    'Brand',
    // The step on screen (send the OTP), then the footer.
    'Session ID',
    'Send OTP',
    'Ticket or chat reference',
    'Copy note',
    'Close customer',
    'Open side panel',
    'Keyboard shortcuts',
  ]);
});
