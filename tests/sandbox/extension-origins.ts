// The extension origins the sandbox answers (CORS): those of the builds `npm start` and the tests load, no other.
import { unpackedExtensionId } from '../e2e/chromium/launch';
import { EXTENSION_UUID } from '../e2e/firefox/launch';

/** An unpacked build's origin in Chromium: its ID follows from its folder. */
export const chromeOrigin = (dir: string) => `chrome-extension://${unpackedExtensionId(dir)}`;
/** Every Firefox the tests and `npm start -- --firefox` launch gives the extension this UUID. */
export const FIREFOX_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** More origins to answer, from SANDBOX_EXTENSIONS (comma-separated): e.g. a Firefox add-on loaded by hand. */
export const originsFromEnv = (): string[] =>
  (process.env.SANDBOX_EXTENSIONS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
