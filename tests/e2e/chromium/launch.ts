// Chromium from Debian's package with unpacked extensions loaded: for the tests, the bench and `npm start`.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, requireBrowser } from '../browsers';

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chrome's ID for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits spelt a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * `args`: more switches, e.g. --enable-unsafe-extension-debugging for CDP's Extensions domain. `developerMode`: the
 * profile starts with chrome://extensions' Developer mode on.
 */
export async function launchChromium(
  extensionDirs: string[],
  { headless = true, lang = '', args = [] as string[], developerMode = false } = {},
): Promise<LaunchedChromium> {
  requireBrowser(CHROMIUM, 'chromium');
  const profile = mkdtempSync(join(tmpdir(), 'mfa-desk-chromium-'));
  if (developerMode) {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
  const list = extensionDirs.map((dir) => resolve(dir)).join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport: headless ? { width: 1280, height: 800 } : null,
    // `lang` is the browser's own language, which extensions' i18n follows (e.g. 'ar', 'zh-CN').
    ...(lang && { locale: lang, env: { ...process.env, LANGUAGE: lang.replace('-', '_') } }),
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${list}`,
      `--load-extension=${list}`,
      ...(lang ? [`--lang=${lang}`] : []),
      ...args,
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium with one extension loaded and its worker running: the context, the extension's ID, and close. */
export async function launchExtension(
  dir: string,
  options: { lang?: string; args?: string[]; developerMode?: boolean } = {},
): Promise<LaunchedChromium & { id: string }> {
  const chromium = await launchChromium([dir], options);
  if (chromium.context.serviceWorkers().length === 0) await chromium.context.waitForEvent('serviceworker');
  return { ...chromium, id: unpackedExtensionId(dir) };
}
