// Settings an earlier build kept are read after an update to this one: the earlier build is built from the
// repository's own history (the last one that kept settings in storage.local, version 2, before they moved to
// storage.sync as version 3), its options page saves them, and this build is installed over it at the same path,
// as the browser installs an update (CDP Extensions.loadUnpacked; see update.spec.ts).
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PopupPage } from '../pages/popup';
import { EXTENSION_DIR, expect, test } from './fixtures';
import { launchExtension } from './launch';

/** The last commit whose build kept settings in storage.local (98002c5 moved them to storage.sync). */
const EARLIER = '6402201';

let work: string;
let earlier: string | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (spawnSync('git', ['cat-file', '-e', `${EARLIER}^{commit}`]).status !== 0) return;
  work = mkdtempSync(join(tmpdir(), 'mfa-desk-earlier-'));
  const src = join(work, 'src');
  mkdirSync(src);
  execSync(`git archive ${EARLIER} | tar -x -C "${src}"`);
  // Its lockfile is this one's but for a few patch versions of build tools: this checkout's packages build it.
  symlinkSync(resolve('node_modules'), join(src, 'node_modules'));
  const env = { ...process.env, MFA_DESK_OUT_DIR: join(work, 'out') };
  execFileSync('npx', ['wxt', 'build'], { cwd: src, env, stdio: 'ignore' });
  earlier = join(work, 'out', 'chrome-mv3');
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('settings saved by an earlier build (storage.local, version 2) are this build’s after the update', async () => {
  test.skip(earlier === null, `this clone has no history back to ${EARLIER}`);
  const dir = join(work, 'installed');
  cpSync(earlier!, dir, { recursive: true });
  const chromium = await launchExtension(dir, { args: ['--enable-unsafe-extension-debugging'], developerMode: true });
  try {
    const options = await chromium.context.newPage();
    await options.goto(`chrome-extension://${chromium.id}/options.html`);
    await options.getByLabel('API base URL').fill('https://us.api.capillarytech.com');
    await options.getByLabel('Brand', { exact: true }).fill('Bukl');
    await options.getByLabel('Device ID', { exact: true }).fill('store-12');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByText('Saved')).toBeVisible();
    expect(await options.evaluate(() => chrome.storage.local.get('settings'))).toMatchObject({ settings: { version: 2, brand: 'Bukl' } });
    await options.close();

    rmSync(dir, { recursive: true });
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const cdp = await chromium.context.browser()!.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked' as 'Browser.getVersion', { path: dir } as never);

    const popup = new PopupPage(await chromium.context.newPage(), chromium.id);
    await expect(() => popup.open()).toPass({ timeout: 10_000 });
    await expect(popup.band).toContainText('US');
    await expect(popup.field('Brand')).toHaveValue('Bukl');
    await expect(popup.field('Device ID')).toHaveValue('store-12');
    await expect
      .poll(() => popup.page.evaluate(() => chrome.storage.sync.get('settings')))
      .toMatchObject({ settings: { version: 3, apiBaseUrl: 'https://us.api.capillarytech.com', brand: 'Bukl' } });
    expect(await popup.page.evaluate(() => chrome.storage.local.get('settings'))).toEqual({});
  } finally {
    await chromium.close();
  }
});
