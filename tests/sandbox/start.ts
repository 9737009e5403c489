// `npm start`: the sandbox, the extension built to call it, and Chromium with the extension loaded.
// `npm start -- --firefox`: the same with Firefox ESR.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { launchChromium, unpackedExtensionId } from '../e2e/chromium/launch';
import { extensionUrl, launchFirefox } from '../e2e/firefox/launch';
import { chromeOrigin, FIREFOX_ORIGIN, originsFromEnv } from './extension-origins';
import { startSandbox } from './server';

const port = Number(process.env.SANDBOX_PORT ?? 8787);
const firefox = process.argv.includes('--firefox');
const outDir = resolve('.output/sandbox');
const extension = join(outDir, firefox ? 'firefox-mv3' : 'chrome-mv3');

// It answers only the build it is about to load (and SANDBOX_EXTENSIONS: a Firefox add-on loaded by hand has a UUID
// of its own, which the sandbox's refusal names).
const sandbox = await startSandbox({ port, extensions: [firefox ? FIREFOX_ORIGIN : chromeOrigin(extension), ...originsFromEnv()] }).catch(
  (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE' ? `Port ${port} is taken: stop what uses it, or run SANDBOX_PORT=8788 npm start.` : error.message,
    );
    process.exit(1);
  },
);
console.log(`Capillary sandbox at ${sandbox.url}`);

const build = spawnSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])], {
  stdio: 'inherit',
  env: { ...process.env, WXT_DEFAULT_API_BASE_URL: sandbox.url, MFA_DESK_OUT_DIR: outDir },
});
if (build.status !== 0) {
  console.error('The extension did not build; see above.');
  process.exit(1);
}

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
No display here, so no browser was started. The sandbox keeps running at ${sandbox.url}.
To use it from a browser on this machine's desktop (or through an SSH tunnel to port ${port}):
  1. ${firefox ? `about:debugging#/runtime/this-firefox -> Load Temporary Add-on -> ${join(extension, 'manifest.json')}` : `chrome://extensions -> Developer mode -> Load unpacked -> ${extension}`}
  2. open ${sandbox.url} to open an MFA session and read the OTPs it sends.
Ctrl+C stops the sandbox.`);
} else if (firefox) {
  const browser = await launchFirefox(extension, { headless: false });
  const page = await browser.newPage();
  void page.goto(sandbox.url);
  const popup = await browser.newPage();
  void popup.goto(extensionUrl('popup.html')).catch(() => undefined);
  console.log(`Firefox is open with MFA Desk (also in the toolbar). Open a session on the sandbox page, then use the popup.
Closing the browser stops the sandbox.`);
  browser.on('disconnected', async () => {
    await sandbox.close();
    process.exit(0);
  });
} else {
  const { context, close } = await launchChromium([extension], { headless: false });
  const id = unpackedExtensionId(extension);
  const [first] = context.pages();
  await (first ?? (await context.newPage())).goto(sandbox.url);
  await (await context.newPage()).goto(`chrome-extension://${id}/popup.html`);
  console.log(`Chromium is open with MFA Desk (also in the toolbar). Open a session on the sandbox page, then use the popup.
Closing the browser stops the sandbox.`);
  context.on('close', async () => {
    await close();
    await sandbox.close();
    process.exit(0);
  });
}
