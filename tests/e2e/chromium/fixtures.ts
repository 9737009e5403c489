// Chromium with the built extension loaded, against a sandbox started for the test worker.
import { resolve } from 'node:path';
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { SEED_CUSTOMER } from '../../fixtures/capillary';
import { freshDesk } from '../../fixtures/snapshot';
import type { Sandbox } from '../../sandbox/server';
import { OptionsPage } from '../pages/options';
import { type Customer, PopupPage } from '../pages/popup';
import { SidePanelPage } from '../pages/sidepanel';
import { sandboxFixture } from '../sandbox-fixture';
import { syncedSettings } from '../synced-settings';
import { launchChromium, unpackedExtensionId } from './launch';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

interface WorkerFixtures {
  /** The unpacked extension to load: the build, unless a spec loads a changed copy of it (`test.use`). */
  extensionDir: string;
  sandbox: Sandbox;
  browserContext: BrowserContext;
  extensionId: string;
}

interface TestFixtures {
  /** The popup, opened as a tab (Playwright cannot open the toolbar popup), with the sandbox configured. */
  popup: PopupPage;
  options: OptionsPage;
  /** A page of the extension (its options page) with storage reset for the test: evaluate chrome.* calls in it. */
  extensionPage: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  extensionDir: [EXTENSION_DIR, { scope: 'worker', option: true }],
  sandbox: sandboxFixture,
  browserContext: [
    async ({ extensionDir }, use) => {
      const chromium = await launchChromium([extensionDir]);
      await use(chromium.context);
      await chromium.close();
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ browserContext, extensionDir, sandbox }, use) => {
      if (browserContext.serviceWorkers().length === 0) await browserContext.waitForEvent('serviceworker');
      const id = unpackedExtensionId(extensionDir);
      sandbox.allow(`chrome-extension://${id}`);
      await use(id);
    },
    { scope: 'worker' },
  ],
  extensionPage: async ({ browserContext, extensionId, sandbox }, use) => {
    const page = await browserContext.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await resetExtension(page, sandbox.url);
    await use(page);
    await page.close();
  },
  popup: async ({ browserContext, extensionId, extensionPage: _reset }, use) => {
    await usePage(new PopupPage(await browserContext.newPage(), extensionId), use);
  },
  options: async ({ browserContext, extensionId, extensionPage: _reset }, use) => {
    await usePage(new OptionsPage(await browserContext.newPage(), extensionId), use);
  },
});

/** Opens a page object's page for one test, after the storage reset, and closes it after. */
async function usePage<T extends { page: Page; open(): Promise<void> }>(pageObject: T, use: (value: T) => Promise<void>) {
  await pageObject.open();
  await use(pageObject);
  await pageObject.page.close();
}

/** A clean extension for each test: empty storage, and Settings pointing at the sandbox. */
async function resetExtension(page: Page, apiBaseUrl: string) {
  const synced = syncedSettings(apiBaseUrl);
  await page.evaluate(async (settings) => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set(settings);
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
  }, synced);
  // The popup draws from the background's snapshot: wait until it is the fresh state's, so that no popup opens on the
  // one the test before left.
  const { version: _version, ...settings } = synced.settings;
  await expect
    .poll(() => page.evaluate(async () => (await chrome.storage.session.get('popupSnapshot')).popupSnapshot))
    .toMatchObject(freshDesk(settings));
}

/** Changes Settings as the options page would, for tests about what follows from them. */
export async function updateSettings(page: Page, patch: Record<string, unknown>) {
  await page.evaluate(async (patch) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings as object), ...patch } });
  }, patch);
}

/** Sends an OTP for the customer in a session the sandbox opened, and validates it: a token and key are held. */
export async function validateSession(popup: PopupPage, sandbox: Sandbox, customer: Customer = SEED_CUSTOMER) {
  const session = { ...customer, sessionId: sandbox.openSession(customer) };
  await popup.fill(session);
  await popup.sendButton.click();
  await expect(popup.status).toContainText('OTP sent');
  await popup.validate(sandbox.lastOtp(session.sessionId)!);
  await expect(popup.status).toContainText('OTP validated');
  return session;
}

/**
 * Waits until the background's writes after its calls have landed (the popup's snapshot shows no call in flight, the
 * history no "interrupted" line), as they have long before a browser stops an idle worker (30 s after its last event).
 */
export async function callsWritten(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const { popupSnapshot } = await chrome.storage.session.get('popupSnapshot');
        const { 'history.v1': history = [] } = await chrome.storage.local.get('history.v1');
        const customers = (popupSnapshot as { customers: { activity: { inflight: unknown } }[] }).customers;
        const lines = history as { code: string }[];
        return customers.every((customer) => customer.activity.inflight === null) && lines.every((line) => line.code !== 'interrupted');
      }),
    )
    .toBe(true);
}

/** The side panel, opened as a tab next to `page`. */
export async function openPanel(page: Page, extensionId: string) {
  const panel = new SidePanelPage(await page.context().newPage(), `chrome-extension://${extensionId}/sidepanel.html`);
  await panel.open();
  return panel;
}

export { expect } from '@playwright/test';
export { liveServiceWorker, stopServiceWorker } from './service-worker';
