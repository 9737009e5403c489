import type { Page, Worker } from '@playwright/test';

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

/**
 * The extension's running service worker. After a stop, Playwright may keep the old, dead worker in its list,
 * so each candidate is tried; a message from one of the extension's pages starts the worker if none runs.
 */
export async function liveServiceWorker(page: Page, extensionId: string): Promise<Worker> {
  const context = page.context();
  for (let tries = 0; tries < 20; tries++) {
    for (const worker of context.serviceWorkers().reverse()) {
      if (!worker.url().includes(extensionId)) continue;
      const alive = await Promise.race([
        worker.evaluate(() => true).catch(() => false),
        new Promise<boolean>((resolve) => setTimeout(resolve, 500, false)),
      ]);
      if (alive) return worker;
    }
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'wake' }).catch(() => undefined));
    await context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => undefined);
  }
  throw new Error('The extension’s service worker did not start.');
}
