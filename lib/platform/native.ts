// The browser's own extension API, without webextension-polyfill's wrapper, for the popup's path to ready only
// (entrypoints/popup/main.tsx, popup-read.ts, lib/platform/panel.ts): the wrapper is a quarter of the popup's script
// before ready (3.6 of 14 kB gzip) and cost 5-7 ms of a ~100 ms open (two interleaved runs of 40, inside one copy of
// the build). Everything those modules call answers with a promise in both browsers' MV3 (storage, windows,
// runtime.openOptionsPage, sidebarAction). Messages, where the polyfill matters (a listener that answers with a
// promise), still go through it: pages ask through lib/messaging/ask.ts, which the popup loads after it is ready.
import type { browser as Polyfilled } from 'wxt/browser';

type FirefoxGlobal = { browser: typeof Polyfilled };

export const nativeBrowser: typeof Polyfilled = import.meta.env.FIREFOX
  ? (globalThis as unknown as FirefoxGlobal).browser
  : (chrome as unknown as typeof Polyfilled);
