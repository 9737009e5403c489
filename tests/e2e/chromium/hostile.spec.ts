// Hostile networks and a shared screen, in Chromium with the built extension: a redirect to another host, a 64 MB
// reply, a reply that drips, screen-share mode across popup and side panel, and a send the browser interrupts.
// (Clearing a copied secret: clipboard.spec.ts.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEED_CUSTOMER } from '../../fixtures/capillary';
import { expect, openPanel, stopServiceWorker, test, updateSettings, validateSession } from './fixtures';

const customer = SEED_CUSTOMER;

/** Another host, as a hostile proxy would point to: it counts what reaches it. */
async function otherHost(): Promise<{ url: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      hits.push(`${req.method} ${req.url} ${body}`);
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

test('a redirect is not followed: the other host receives nothing, the agent is told', async ({ popup, sandbox }) => {
  const other = await otherHost();
  try {
    await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
    sandbox.injectFault(`redirect:${other.url}/collect`);
    await popup.sendButton.click();
    await expect(popup.alert).toContainText('answered with a redirect');
    await expect(popup.alert).toContainText('nothing was sent there');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.hits).toEqual([]);
    // The cluster that redirected did receive the POST and may have sent the OTP: the cooldown stays.
    await expect(popup.sendButton).toBeDisabled();
    await expect(popup.sendButton).toHaveText(/Send OTP \(\d+ s\)/);
  } finally {
    other.server.close();
  }
});

test('a 64 MB reply is cut off with an alert, and the next send still works', async ({ popup, sandbox, extensionPage }) => {
  await updateSettings(extensionPage, { cooldownSeconds: 0 });
  await popup.page.reload();
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
  sandbox.injectFault('huge-200');
  await popup.sendButton.click();
  await expect(popup.alert).toContainText('larger than 64 kB');
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
});

test('a reply that drips ends as a timeout, not a hang', async ({ popup, sandbox }) => {
  test.setTimeout(40_000);
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
  sandbox.injectFault('drip');
  await popup.sendButton.click();
  await expect(popup.status).toContainText('Sending OTP');
  await expect(popup.alert).toContainText('did not answer within 10 s', { timeout: 15_000 });
});

test('screen-share mode, turned on in the popup, hides every secret in the popup and the side panel', async ({
  popup,
  sandbox,
  extensionId,
}) => {
  const session = await validateSession(popup, sandbox);

  await popup.page.getByRole('switch', { name: 'Screen-share mode' }).check();
  const security = (label: string) =>
    popup.field(label).evaluate((input) => getComputedStyle(input).getPropertyValue('-webkit-text-security'));
  // Verified: the customer is one masked line; its fields, shown again, are masked as they are typed.
  await expect(popup.page.locator('.customer-line')).toContainText('•••••••1754');
  await popup.unfold();
  for (const label of ['Identifier value', 'Session ID']) expect(await security(label)).toBe('disc');
  // Still typed and sent as it is.
  await expect(popup.field('Identifier value')).toHaveValue(customer.identifierValue);

  const panel = await openPanel(popup.page, extensionId);
  await expect(panel.page.getByRole('switch', { name: 'Screen-share mode' })).toBeChecked();
  await expect(panel.page.getByRole('button', { name: 'Reveal token' })).toBeDisabled();
  await panel.unfold('Key');
  await expect(panel.page.getByRole('button', { name: 'Reveal key' })).toBeDisabled();
  const shown = (await panel.page.locator('body').textContent()) ?? '';
  expect(shown).not.toContain(session.sessionId);
  expect(shown).not.toContain(customer.identifierValue);
  expect(shown).not.toMatch(/eyJ[\w-]{6}/);

  // Turned off in the panel: both show everything again.
  await panel.page.getByRole('switch', { name: 'Screen-share mode' }).uncheck();
  await expect(panel.page.getByRole('button', { name: 'Reveal token' })).toBeEnabled();
  await expect(panel.section('Session')).toContainText(session.sessionId);
  await expect.poll(() => security('Identifier value')).toBe('none');
  await panel.page.close();
});

test('a send interrupted by a stopped worker keeps its cooldown and its history line', async ({ popup, sandbox, extensionId }) => {
  await popup.fill({ ...customer, sessionId: sandbox.openSession(customer) });
  sandbox.injectFault('hang');
  await popup.sendButton.click();
  await expect(popup.status).toContainText('Sending OTP');
  await stopServiceWorker(popup.page);

  await popup.page.reload();
  await expect(popup.sendButton).toBeDisabled();
  await expect(popup.sendButton).toHaveText(/Send OTP \(\d+ s\)/);
  const panel = await openPanel(popup.page, extensionId);
  await expect(panel.section('History').getByRole('row').nth(1)).toContainText('Send OTP');
  await expect(panel.section('History').getByRole('row').nth(1)).toContainText('interrupted');
  await panel.page.close();
});
