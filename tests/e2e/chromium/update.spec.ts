// Updates never drop a session, in Chromium. Version N is a copy of the build loaded unpacked. The browser's update
// check does not run in headless tests, so the test plays the browser's two parts: it dispatches
// runtime.onUpdateAvailable in the worker (the background's own listener does the rest, up to runtime.reload()),
// and once MFA Desk has reloaded it installs N+1 over N at the same path (CDP Extensions.loadUnpacked: an update,
// same ID, storage.local and sync kept, storage.session cleared), as the browser does with a downloaded update.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { PopupPage } from '../pages/popup';
import { syncedSettings } from '../synced-settings';
import { EXTENSION_DIR, expect, openPanel, test, validateSession } from './fixtures';
import { launchExtension } from './launch';

let dir: string;
let chromium: Awaited<ReturnType<typeof launchExtension>>;
let sandbox: Sandbox;

test.beforeEach(async () => {
  sandbox = await startSandbox({ log: () => {} });
  dir = join(mkdtempSync(join(tmpdir(), 'mfa-desk-update-')), 'extension');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  // Developer mode on, as it is wherever an unpacked extension is used: else Chrome disables an unpacked extension
  // that reloads itself (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION). A packed, policy-installed one is not affected.
  chromium = await launchExtension(dir, { args: ['--enable-unsafe-extension-debugging'], developerMode: true });
  sandbox.allow(`chrome-extension://${chromium.id}`);
  const page = await chromium.context.newPage();
  await page.goto(`chrome-extension://${chromium.id}/options.html`);
  await page.evaluate((settings) => chrome.storage.sync.set(settings), syncedSettings(sandbox.url, { brand: 'Bukl' }));
  await page.close();
});

test.afterEach(async () => {
  await chromium?.close();
  await sandbox?.close();
  rmSync(dirname(dir), { recursive: true, force: true });
});

const dirname = (path: string) => join(path, '..');
const worker = (context: BrowserContext) => context.serviceWorkers().find((candidate) => candidate.url().includes(chromium.id))!;

/** N+1: the same build, its manifest a version on. */
function nextVersion(): string {
  const { version } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return version.replace(/\d+$/, (patch: string) => String(Number(patch) + 1));
}

/** The browser installs N+1 over N: new files at the same path, loaded as an update of the same extension. */
async function installVersion(context: BrowserContext, version: string) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version }));
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Extensions.loadUnpacked' as 'Browser.getVersion', { path: dir } as never);
  await cdp.detach();
}

/** Whether MFA Desk reloaded itself: storage.session (where the waiting update was recorded) is then empty. */
const sessionStorage = (page: Page) => page.evaluate(() => chrome.storage.session.get(null));

/** storage.session after an update: nothing but the popup's snapshot, which the background writes as it starts, with no token. */
async function expectClearedSession(page: Page) {
  const { popupSnapshot, ...rest } = await sessionStorage(page);
  expect(rest).toEqual({});
  if (popupSnapshot) expect(popupSnapshot).toMatchObject({ customers: [{ id: '0:0', hasToken: false, sessionEndsAt: null }] });
}

/** What the browser does when it has downloaded an update and the extension listens for it. */
const updateAvailable = (sw: Worker, version: string) =>
  sw.evaluate(
    (version) => (chrome.runtime.onUpdateAvailable as unknown as { dispatch(details: object): void }).dispatch({ version }),
    version,
  );

/** A page of the extension, opened as soon as it is back: while it reloads, its pages are refused. */
async function extensionPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await expect(() => page.goto(`chrome-extension://${chromium.id}/options.html`)).toPass({ timeout: 10_000 });
  return page;
}

/** The version running, read from a fresh page of the extension. */
async function runningVersion(context: BrowserContext): Promise<string> {
  const page = await extensionPage(context);
  const version = await page.evaluate(() => chrome.runtime.getManifest().version);
  await page.close();
  return version;
}

const waitingNotice = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'An update is ready; it installs when this session ends' });

/** Resolves when MFA Desk's worker starts again after runtime.reload() (with no page of it open). */
const workerRestart = (context: BrowserContext) =>
  context.waitForEvent('serviceworker', { predicate: (candidate) => candidate.url().includes(chromium.id), timeout: 15_000 });

test('an update waits while a token is held, says so in popup and panel, and installs when End session ends it; nothing else is lost', async () => {
  const popup = new PopupPage(await chromium.context.newPage(), chromium.id);
  await popup.open();
  await validateSession(popup, sandbox);
  const panel = await openPanel(popup.page, chromium.id);
  // The History fold starts open: the agent closes it, and it should stay closed across the update.
  await panel.section('History').locator('summary').click();
  await expect.poll(() => panel.page.evaluate(() => chrome.storage.local.get('panelFolds'))).toEqual({ panelFolds: { history: false } });
  await panel.page.getByRole('switch', { name: 'Screen-share mode' }).check();

  const next = nextVersion();
  await updateAvailable(worker(chromium.context), next);
  await expect(waitingNotice(panel.page)).toContainText(`version ${next}`);
  await popup.page.reload();
  await expect(waitingNotice(popup.page)).toBeVisible();
  // Not reloaded: the token is still held, the session still on screen.
  await expect(popup.button('End session')).toBeVisible();
  expect(Object.keys(await sessionStorage(popup.page))).toEqual(expect.arrayContaining(['customer.0', 'pendingUpdate']));

  const reloaded = popup.page.waitForEvent('close');
  await popup.button('End session').click();
  await reloaded;
  expect(sandbox.counts['POST /auth/v1/mfa/token/expire']).toBe(1);
  await installVersion(chromium.context, next);
  expect(await runningVersion(chromium.context)).toBe(next);

  // Settings (sync), the history, the Screen-share switch and the folds survive; storage.session does not.
  const after = await openPanel(await extensionPage(chromium.context), chromium.id);
  await expectClearedSession(after.page);
  await expect(after.page.getByRole('switch', { name: 'Screen-share mode' })).toBeChecked();
  await expect(after.section('History').locator('details')).not.toHaveAttribute('open');
  await after.unfold('History');
  await expect(after.section('History').getByRole('row').nth(1)).toContainText('End session');
  await expect(after.section('History')).toContainText('Validate OTP');
  await expect(waitingNotice(after.page)).toHaveCount(0);
  const popupAfter = new PopupPage(await chromium.context.newPage(), chromium.id);
  await popupAfter.open();
  await expect(popupAfter.band).toContainText(new URL(sandbox.url).host);
  await expect(popupAfter.field('Brand')).toHaveValue('Bukl');
});

test('Install now ends the session at Capillary first, then MFA Desk reloads to take the update', async () => {
  const popup = new PopupPage(await chromium.context.newPage(), chromium.id);
  await popup.open();
  await validateSession(popup, sandbox);
  await updateAvailable(worker(chromium.context), nextVersion());
  const panel = await openPanel(popup.page, chromium.id);
  // runtime.reload() closes every page of the extension.
  const reloaded = Promise.all([panel.page.waitForEvent('close'), popup.page.waitForEvent('close')]);
  await waitingNotice(panel.page).getByRole('button', { name: 'Install now' }).click();
  await reloaded;
  expect(sandbox.counts['POST /auth/v1/mfa/token/expire']).toBe(1);
  await expectClearedSession(await extensionPage(chromium.context));
});

test('with nothing live MFA Desk reloads for the update at once', async () => {
  const restarted = workerRestart(chromium.context);
  await updateAvailable(worker(chromium.context), nextVersion());
  await restarted;
  await expectClearedSession(await extensionPage(chromium.context));
});
