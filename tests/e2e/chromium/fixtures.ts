// Chromium with the built extension loaded, against a sandbox started for the test worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page } from '@playwright/test';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { CHROMIUM, extensionArgs, requireBrowser } from '../browsers';
import { OptionsPage } from '../pages/options';
import { PopupPage } from '../pages/popup';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

interface WorkerFixtures {
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
  sandbox: [
    async ({}, use) => {
      const sandbox = await startSandbox({ log: process.env.SANDBOX_LOG ? console.log : () => {} });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  browserContext: [
    async ({}, use) => {
      requireBrowser(CHROMIUM, 'chromium');
      const profile = mkdtempSync(join(tmpdir(), 'mfa-desk-e2e-'));
      const browserContext = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: extensionArgs(EXTENSION_DIR),
      });
      await use(browserContext);
      await browserContext.close();
      rmSync(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ browserContext }, use) => {
      const worker = browserContext.serviceWorkers()[0] ?? (await browserContext.waitForEvent('serviceworker'));
      await use(new URL(worker.url()).host);
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
    const page = await browserContext.newPage();
    const popup = new PopupPage(page, extensionId);
    await popup.open();
    await use(popup);
    await page.close();
  },
  options: async ({ browserContext, extensionId, extensionPage: _reset }, use) => {
    const page = await browserContext.newPage();
    const options = new OptionsPage(page, extensionId);
    await options.open();
    await use(options);
    await page.close();
  },
});

/** A clean extension for each test: empty storage, and Settings pointing at the sandbox. */
async function resetExtension(page: Page, apiBaseUrl: string) {
  await page.evaluate(async (url) => {
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
    await chrome.storage.local.set({ 'settings.v1': { apiBaseUrl: url, brand: '', deviceId: '', cooldownSeconds: 30 } });
  }, apiBaseUrl);
}

/** Stops the extension's service worker the way the browser does when it is idle, and waits until it has. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.every((version) => version.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

export { expect } from '@playwright/test';
