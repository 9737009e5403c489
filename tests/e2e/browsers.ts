// Where the end-to-end tests and `npm start` find the browsers: Debian's packages (apt), never a download.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Flags that keep Chromium off the network it cannot reach here, and quiet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireBrowser(path: string, aptPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing. Install it with: sudo apt-get install -y ${aptPackage} (or set ${aptPackage === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}).`,
    );
  }
}
