// Clearing a copied secret, in Chromium. clipboardRead is optional: the first Copy asks for it, and the browser's
// prompt cannot be answered from a test (no automation reaches it). So the extension loaded here is a copy of the
// build whose manifest grants it at install, as if the agent had already said yes: Copy's request then answers
// "granted" at once, as it does for an agent on every Copy after the first. That the build itself does not ask at
// install is pinned in tests/e2e/build/manifest.spec.ts; the refused path is a unit test.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SidePanelPage } from '../pages/sidepanel';
import { EXTENSION_DIR, expect, test, validateSession } from './fixtures';

/** The build with clipboardRead among the permissions granted at install (one path: the ID follows from it). */
function clipboardAllowedCopy(): string {
  const dir = join(tmpdir(), 'mfa-desk-e2e-clipboard');
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions.push('clipboardRead');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

test.use({ extensionDir: clipboardAllowedCopy() });

test('a copied key leaves the clipboard 60 s later, and the panel says so', async ({ popup, sandbox, extensionId }) => {
  await validateSession(popup, sandbox);

  const panel = new SidePanelPage(await popup.page.context().newPage(), `chrome-extension://${extensionId}/sidepanel.html`);
  // The 60 s timer is held and fired by hand, on this page only (Playwright's clock would fake time in every page
  // of the shared context).
  await panel.page.addInitScript(() => {
    const held: (() => void)[] = [];
    const realSetTimeout = window.setTimeout;
    Object.assign(window, {
      fireHeldTimers: () => {
        for (const fire of held.splice(0)) fire();
      },
      setTimeout: (handler: () => void, ms?: number, ...rest: unknown[]) =>
        ms === 60_000 ? held.push(handler) : realSetTimeout(handler, ms, ...rest),
    });
  });
  await panel.open();
  await panel.unfold('Key');
  await panel.section('Key').getByRole('button', { name: 'Copy key' }).click();
  await expect(panel.section('Key').getByRole('status')).toContainText('cleared in 60 s');
  const clipboard = () => panel.page.evaluate(() => navigator.clipboard.readText());
  expect(await clipboard()).toMatch(/^eyJ/);
  await panel.page.evaluate(() => (window as unknown as { fireHeldTimers(): void }).fireHeldTimers());
  await expect(panel.section('Key').getByRole('status')).toHaveText('Clipboard cleared: the key copied 60 s ago is no longer on it.');
  expect(await clipboard()).toBe('');
  await panel.page.close();
});
