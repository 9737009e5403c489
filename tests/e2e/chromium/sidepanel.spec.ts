import { SEED_TOKEN } from '../../fixtures/capillary';
import { SidePanelPage } from '../pages/sidepanel';
import { callsWritten, expect, openPanel, stopServiceWorker, test, validateSession } from './fixtures';

test('after a validate the panel shows the session, every claim explained, and the countdown moves', async ({
  popup,
  sandbox,
  extensionId,
}) => {
  const panel = await openPanel(popup.page, extensionId);
  await expect(panel.page.getByText('No token yet')).toBeVisible();
  const session = await validateSession(popup, sandbox);

  // The panel was open all along: it follows storage.session without a reload.
  await expect(panel.claim('Token', 'rol')).toContainText('USER: an access token');
  await expect(panel.claim('Token', 'idv')).toContainText('MOBILE|•••••••1754');
  await expect(panel.claim('Token', 'ogc')).toContainText('name bukl.sandbox');
  await expect(panel.claim('Token', 'exp')).toContainText(/Expires \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
  await panel.unfold('Key');
  await expect(panel.claim('Key', 'mfa')).toContainText('Issued after the customer passed MFA');
  await expect(panel.section('Key')).toContainText('No expiry');
  await expect(panel.section('Session')).toContainText(session.sessionId);
  await expect(panel.section('Session')).toContainText('Validate attempt 1 of 5 — OK');
  await expect(panel.section('Token')).not.toContainText('18767431754');

  const before = await panel.claim('Token', 'exp').textContent();
  await expect(panel.claim('Token', 'exp')).not.toHaveText(before!, { timeout: 3000 });
});

test('the panel shows the right state after the worker is stopped and restarted', async ({ popup, sandbox, extensionId }) => {
  await validateSession(popup, sandbox);
  await callsWritten(popup.page);
  await stopServiceWorker(popup.page);
  const panel = await openPanel(popup.page, extensionId);
  await expect(panel.claim('Token', 'rol')).toContainText('USER');
  await expect(panel.section('History')).toContainText('Validate OTP');
});

test('a pasted JWT is decoded, and a broken one is named part by part', async ({ popup, extensionId }) => {
  const panel = await openPanel(popup.page, extensionId);
  await panel.pasteBox.fill(`Bearer "${SEED_TOKEN}"`);
  await expect(panel.claim('Decode', 'exp')).toContainText('Expires 2024-05-29T06:17:37Z');
  await expect(panel.claim('Decode', 'exp')).toContainText('expired');
  await expect(panel.section('Decode')).toContainText('Expired.');
  await panel.pasteBox.fill(SEED_TOKEN.replace('.eyJ1aWQi', '.eyJ1a$Qi'));
  await expect(panel.page.getByRole('alert')).toContainText('Payload: not base64url');
});

test('"Decode JWT in MFA Desk" is on the context menu, and what it sends is decoded in the panel', async ({ popup, extensionId }) => {
  // contextMenus.update fails for an item that does not exist: this proves the menu item is there.
  await popup.page.evaluate(() => chrome.contextMenus.update('decode-jwt', { title: 'Decode JWT in MFA Desk' }));
  const panel = await openPanel(popup.page, extensionId);
  // A click on the menu item stores the selection for the panel; automation cannot click a native menu.
  await popup.page.evaluate((text) => chrome.storage.session.set({ pendingJwt: { text, at: Date.now() } }), ` ${SEED_TOKEN} `);
  await expect(panel.pasteBox).toHaveValue(` ${SEED_TOKEN} `);
  await expect(panel.claim('Decode', 'uid')).toContainText('1780776');
});

test('a hostile JWT from the context menu (5,000-deep, under 16 kB) is decoded without a crash, and forgotten once shown', async ({
  popup,
  extensionId,
}) => {
  const part = (json: string) => Buffer.from(json).toString('base64url');
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const token = `${part('{"alg":"HS256"}')}.${part(`{"uid":"7","nest":${deep}}`)}.sig`;
  expect(token.length).toBeLessThan(16_384);
  const panel = await openPanel(popup.page, extensionId);
  await popup.page.evaluate((text) => chrome.storage.session.set({ pendingJwt: { text, at: Date.now() } }), token);
  await expect(panel.pasteBox).toHaveValue(token);
  await expect(panel.claim('Decode', 'uid')).toContainText('7');
  await expect(panel.claim('Decode', 'nest')).toContainText('[[[');
  // The rest of the panel still works.
  await expect(panel.section('Session')).toBeVisible();
  // Shown, then forgotten: the selection is no longer kept.
  await expect.poll(() => popup.page.evaluate(async () => (await chrome.storage.session.get('pendingJwt')).pendingJwt ?? null)).toBeNull();
  await expect(panel.claim('Decode', 'nest')).toContainText('…');
});

test('the history is kept without secrets, exported as CSV and cleared', async ({ popup, sandbox, extensionId }) => {
  await validateSession(popup, sandbox);
  const panel = await openPanel(popup.page, extensionId);
  await expect(panel.section('History').getByRole('row')).toHaveCount(3);
  const download = panel.page.waitForEvent('download');
  await panel.page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    let text = '';
    for await (const chunk of stream) text += chunk;
    return text;
  });
  expect(csv).toContain('time_utc,cluster,brand,customer,action,outcome');
  expect(csv).toContain('Bukl,•••••••1754,validateOtp,OK');
  expect(csv).not.toContain('18767431754');
  await panel.page.getByRole('button', { name: 'Clear history' }).click();
  await expect(panel.section('History')).toContainText('No actions yet');
});

test('at 360 px the summary shows role and expiry without scrolling, nothing scrolls sideways, and folds stay as left', async ({
  popup,
  sandbox,
  extensionId,
}) => {
  await validateSession(popup, sandbox);
  const page = await popup.page.context().newPage();
  await page.setViewportSize({ width: 360, height: 640 });
  const panel = new SidePanelPage(page, `chrome-extension://${extensionId}/sidepanel.html`);
  await panel.open();
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('Role');
  await expect(summary).toContainText('USER');
  await expect(summary).toContainText(/valid, expires in 1[45]:\d\d/);
  await expect(summary).toContainText('MFA');
  await expect(summary).toContainText('Verified until');
  const box = (await summary.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(640);

  // Every fold open: still nothing wider than the panel, and no word of a meaning broken across lines.
  for (const name of ['Key', 'User'] as const) await panel.unfold(name);
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    wideCells: [...document.querySelectorAll('td, th')].filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length,
  }));
  expect(overflow).toEqual({ page: 0, wideCells: 0 });
  // The history's entries stack into two columns that line up from one entry to the next.
  // (A long action beside a short one: the outcome beside each starts at the same place.)
  await page.evaluate(() => {
    const entry = { at: Date.now(), cluster: 'EU', brand: 'Bukl', maskedIdentifier: '•••••••1754', code: 'OK' };
    return chrome.storage.local.set({
      'history.v1': [
        { ...entry, action: 'sendOtp' },
        { ...entry, action: 'sendFirstFactorOtp' },
      ],
    });
  });
  await expect(page.locator('.history tbody tr')).toHaveCount(2);
  const lefts = await page.evaluate(() =>
    [...document.querySelectorAll('.history tbody td:nth-child(6)')].map((cell) => Math.round(cell.getBoundingClientRect().left)),
  );
  expect(lefts.length).toBeGreaterThan(1);
  expect(new Set(lefts).size).toBe(1);
  const breaks = await page.evaluate(() => getComputedStyle(document.querySelector('.claims td:last-child')!).overflowWrap);
  expect(breaks).toBe('normal');

  // The Key fold stays open on the next visit; History, closed by the agent, stays closed.
  await panel.section('History').locator('summary').click();
  await expect
    .poll(() => page.evaluate(() => chrome.storage.local.get('panelFolds')))
    .toEqual({ panelFolds: { key: true, user: true, history: false } });
  await page.reload();
  await panel.page.getByRole('heading', { name: 'Session' }).waitFor();
  await expect(panel.section('Key').locator('details')).toHaveAttribute('open', '');
  await expect(panel.section('History').locator('details')).not.toHaveAttribute('open', '');
  await page.close();
});
