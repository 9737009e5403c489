import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { Alias, AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { CLUSTERS } from './lib/model/capillary/clusters';
import { MANAGED_SCHEMA } from './lib/model/settings/policy-schema';
import { FIREFOX_ID } from './lib/platform/firefox-id';
import { CATALOGUES, messagesJson } from './lib/words/messages';

/** Every size the two stores and browsers ask for: toolbar 16/32, management 48, AMO 64/96, Chrome Web Store 128. */
const ICON_SIZES = [16, 32, 48, 64, 96, 128];
const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));

/** The icons, rendered from components/icon.svg at build time into .wxt/icons: one drawing, never hand-made PNGs. */
async function renderIcons(): Promise<{ absoluteSrc: string; relativeDest: string }[]> {
  await renderer();
  const svg = readFileSync('components/icon.svg', 'utf8');
  const dir = resolve('.wxt/icons');
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const absoluteSrc = join(dir, `${size}.png`);
    writeFileSync(absoluteSrc, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
    return { absoluteSrc, relativeDest: icons[size] };
  });
}
/** Every catalogue of lib/words as the browser reads it, written into .wxt/locales. */
function writeCatalogues(store: boolean): { absoluteSrc: string; relativeDest: string }[] {
  return Object.entries(CATALOGUES).map(([lang, catalogue]) => {
    const dir = resolve('.wxt/locales', lang);
    mkdirSync(dir, { recursive: true });
    const absoluteSrc = join(dir, 'messages.json');
    writeFileSync(absoluteSrc, `${JSON.stringify(messagesJson(catalogue, { store }), null, 2)}\n`);
    return { absoluteSrc, relativeDest: `_locales/${lang}/messages.json` };
  });
}

/** Chrome's schema for the policy keys (lib/model/settings/policy-schema.ts), written into .wxt. */
function writeManagedSchema(): { absoluteSrc: string; relativeDest: string } {
  const absoluteSrc = resolve('.wxt/managed_schema.json');
  writeFileSync(absoluteSrc, `${JSON.stringify(MANAGED_SCHEMA, null, 2)}\n`);
  return { absoluteSrc, relativeDest: 'managed_schema.json' };
}

/** Chrome's offscreen document (entrypoints/background/clipboard-clear.ts): nothing but its script, entrypoints/offscreen.ts. */
function writeOffscreenPage(): { absoluteSrc: string; relativeDest: string } {
  const absoluteSrc = resolve('.wxt/offscreen.html');
  writeFileSync(
    absoluteSrc,
    '<!doctype html>\n<meta charset="utf-8" />\n<title>MFA Desk clipboard</title>\n<script src="/offscreen.js"></script>\n',
  );
  return { absoluteSrc, relativeDest: 'offscreen.html' };
}

/** The SVG renderer, loaded when a build first needs it (not by every command that reads this config). */
let wasm: Promise<void> | undefined;
const renderer = () =>
  (wasm ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'))).catch((error) => {
    // Already initialised by another load of this config in the same process.
    if (!String(error).includes('Already initialized')) throw error;
  }));

/** `wxt build --mode store`: what `npm run release` packages. No plain-http door for the sandbox anywhere in it. */
const STORE_MODE = 'store';

const csp = (store: boolean) =>
  [
    // Nothing from anywhere but the extension itself, unless a directive below says otherwise.
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    store ? 'connect-src https:' : 'connect-src https: http://127.0.0.1:* http://localhost:*',
  ].join('; ');

/**
 * A store package never points at the sandbox (its default is the EU cluster, whatever this shell says), and is a
 * production build: in any mode but "production" Vite builds for development unless NODE_ENV says otherwise.
 */
function checkStoreBuild(mode: string) {
  if (mode !== STORE_MODE) return;
  if (process.env.WXT_DEFAULT_API_BASE_URL) {
    throw new Error('WXT_DEFAULT_API_BASE_URL is for sandbox builds (npm start); unset it to build the store packages.');
  }
  if (process.env.NODE_ENV !== 'production') throw new Error('Build the store packages with npm run build:store (NODE_ENV=production).');
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // WXT has no Preact module: the preset is a plain Vite plugin.
  // No modulepreload links or helper: a lazily loaded part of a page (the session-start step, the error playbook)
  // needs only chunks the page has already loaded, and the helper alone would cost ~1 kB gzipped before ready.
  // Source maps only for `npm run size`, which reads them to share each page's bytes out among the source modules.
  vite: () => ({ plugins: [preact()], build: { sourcemap: process.env.MFA_DESK_SOURCEMAP === '1', modulePreload: false } }),
  outDir: process.env.MFA_DESK_OUT_DIR ?? '.output',
  // MV3 in Firefox too: one manifest shape (host_permissions, optional_host_permissions, action) for both
  // browsers; Firefox runs the MV3 background as an event page. See ARCHITECTURE.md.
  manifestVersion: 3,
  hooks: {
    // The popup is built on its own: everything it needs before it is ready comes in one script, not a page chunk
    // shared with the side panel and options plus the pieces the three share (each a module fetch and evaluation
    // the popup would wait for).
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((group) => Array.isArray(group) && group.some((entry) => entry.type === 'popup'));
      if (!Array.isArray(pages) || pages.length === 1) return;
      const popup = pages.findIndex((entry) => entry.type === 'popup');
      groups.push(pages.splice(popup, 1));
    },
    // The background calls the browser's own API (lib/platform/native-browser.ts): its budget has no room for the
    // polyfill, and it needs none.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === 'background')) return;
      const native = resolve(import.meta.dirname, 'lib/platform/native-browser.ts');
      config.resolve ??= {};
      config.resolve.alias = [{ find: /^wxt\/browser$/, replacement: native }, ...aliasList(config.resolve.alias)];
    },
    'build:publicAssets': async (wxt, files) => {
      files.push(...(await renderIcons()), ...writeCatalogues(wxt.config.mode === STORE_MODE));
      if (wxt.config.browser !== 'firefox') files.push(writeManagedSchema(), writeOffscreenPage());
    },
    // WXT takes these titles from the pages' English <title>s; the browser shows them in the agent's language.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
      if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_panelTitle__';
    },
  },
  manifest: ({ browser, mode }) => {
    checkStoreBuild(mode);
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      icons,
      action: { default_icon: icons },
      // Every permission, with its reason, is pinned in tests/e2e/build/manifest.spec.ts and explained in PRIVACY.md;
      // what the store packages may ask for is also listed in release/permissions.json, which the release checks.
      // WXT adds sidePanel for Chrome, from the sidepanel entrypoint.
      permissions: ['storage', 'contextMenus', 'alarms'],
      // Asked for on the first Copy of the token, never at install: the background reads the clipboard back 60 s later
      // and clears it if it still holds the token (lib/platform/clipboard.ts, CLIPBOARD_PERMISSIONS), which takes
      // clipboardWrite without a click; Chrome does it in an offscreen document, Firefox in its event page.
      optional_permissions: ['clipboardRead', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['offscreen'])],
      // Builds for the sandbox (npm start, the tests) may also reach plain http on this machine, as a host like any
      // other (lib/platform/host-access.ts); the store packages never.
      host_permissions: [
        ...CLUSTERS.map((cluster) => `${cluster.baseUrl}/*`),
        ...(mode === STORE_MODE ? [] : ['http://127.0.0.1/*', 'http://localhost/*']),
      ],
      // A custom https cluster is asked for when it is saved in Settings, never up front.
      optional_host_permissions: ['https://*/*'],
      // No remote code, no inline script, no plugins; connections only to https hosts (and the local sandbox, except in
      // the store packages).
      content_security_policy: { extension_pages: csp(mode === STORE_MODE) },
      // 116: sidePanel.open() from a user action. The policy keys' schema: Chrome reads no policy for an extension
      // without one; Firefox reads policies.json without a schema and has no such manifest key.
      ...(browser !== 'firefox' && { minimum_chrome_version: '116', storage: { managed_schema: 'managed_schema.json' } }),
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          gecko: {
            id: FIREFOX_ID,
            // 140: data_collection_permissions (storage.session needs 115, MV3 host permission prompts 127).
            strict_min_version: '140.0',
            // The extension sends Capillary the customer's identifier and the OTP they read out.
            data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
          },
          // No gecko_android: Firefox for Android has no sidebar_action, contextMenus or commands.
        },
      }),
      commands: {
        // Firefox opens its sidebar for this command by itself; Chrome's background opens the side panel.
        [browser === 'firefox' ? '_execute_sidebar_action' : 'open-side-panel']: {
          suggested_key: { default: 'Alt+Shift+M' },
          description: '__MSG_commandOpenPanel__',
        },
      },
    };
  },
});

/** Vite's aliases as a list, whichever form they were given in. */
function aliasList(alias: AliasOptions | undefined): Alias[] {
  if (!alias) return [];
  return Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
}
