// `wxt/browser` for the background's build (wxt.config.ts aliases it here): the browser's own API, without
// webextension-polyfill's wrapper (3.1 of the background's 25 kB gzip). Every call the background makes answers with a
// promise in both browsers' MV3, and its one message listener answers through sendResponse, which the polyfill was
// not needed for (entrypoints/background/router.ts). Pages keep the polyfill where they use it.
import { nativeBrowser } from './native';

export const browser = nativeBrowser;
