// Clearing a copied token, in Chromium: the background does it 60 s later in an offscreen document, with the side
// panel closed. clipboardRead and offscreen are optional: the first Copy asks for them, and the browser's prompt
// cannot be answered from a test (no automation reaches it). So the extension loaded here is a copy of the build
// whose manifest grants them at install, as if the agent had already said yes: Copy's request then answers
// "granted" at once, as it does for an agent on every Copy after the first. That the build itself does not ask at
// install is pinned in tests/e2e/build/manifest.spec.ts; the refused path is a component test.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, expect, liveServiceWorker, openPanel, test, validateSession } from './fixtures';

/** The build with its optional permissions granted at install (one path: the ID follows from it). */
function clipboardAllowedCopy(): string {
  const dir = join(tmpdir(), 'mfa-desk-e2e-clipboard');
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions.push(...manifest.optional_permissions);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

test.use({ extensionDir: clipboardAllowedCopy() });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** The 60 s are up: the background's alarm is moved to now, as if the agent had waited (the worker does the rest). */
async function sixtySecondsLater(page: Page, extensionId: string) {
  const worker = await liveServiceWorker(page, extensionId);
  await worker.evaluate(() => chrome.alarms.create('clear-clipboard', { when: Date.now() }));
}

test('a copied token leaves the clipboard 60 s later though the side panel was closed', async ({ popup, sandbox, extensionId }) => {
  await validateSession(popup, sandbox);
  const panel = await openPanel(popup.page, extensionId);
  await panel.section('Token').getByRole('button', { name: 'Copy token' }).click();
  await expect(panel.section('Token').getByRole('status')).toContainText('cleared in 60 s');
  expect(await clipboard(popup.page)).toMatch(/^eyJ/);
  await panel.page.close();

  await sixtySecondsLater(popup.page, extensionId);
  await expect.poll(() => clipboard(popup.page)).toBe('');
  const reopened = await openPanel(popup.page, extensionId);
  await expect(reopened.section('Token').getByRole('status')).toHaveText(
    'Clipboard cleared: the token copied 60 s ago is no longer on it.',
  );
  await reopened.page.close();
});

test('what the agent copied after the token stays on the clipboard', async ({ popup, sandbox, extensionId }) => {
  await validateSession(popup, sandbox);
  const panel = await openPanel(popup.page, extensionId);
  await panel.section('Token').getByRole('button', { name: 'Copy token' }).click();
  await expect(panel.section('Token').getByRole('status')).toContainText('cleared in 60 s');
  await popup.page.evaluate(() => navigator.clipboard.writeText('Ticket #4711: customer verified'));

  await sixtySecondsLater(popup.page, extensionId);
  await expect(panel.section('Token').getByRole('status')).toHaveText('Clipboard left as it is: it holds something else now.');
  expect(await clipboard(popup.page)).toBe('Ticket #4711: customer verified');
  await panel.page.close();
});
