// `npm run bench`: the figures the issues ask for, printed, not asserted (timings vary by machine).
// Needs a build (`npm run build`) and Chromium from apt.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { POPUP_MARKS } from '../../lib/model/desk/popup-snapshot';
import { launchChromium, unpackedExtensionId } from '../e2e/chromium/launch';
import { stopServiceWorker } from '../e2e/chromium/service-worker';
import { PopupPage } from '../e2e/pages/popup';
import { syncedSettings } from '../e2e/synced-settings';
import { chromeOrigin } from '../sandbox/extension-origins';
import { startSandbox } from '../sandbox/server';
import { BUDGETS } from './budgets';
import { pageScripts } from './sizes';

const BUILD = resolve('.output/chrome-mv3');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/** Rounds opened and thrown away before the counted ones, as the acceptance run does. */
const WARM_UP = 5;
/** kB as the budgets mean it: 1,000 bytes of gzip -9. */
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log('Sizes (gzip -9, every script the page loads before it is ready; kB = 1,000 bytes)');
for (const { name, page, bytes } of BUDGETS) {
  const size = pageScripts(BUILD, page);
  console.log(`  ${name.padEnd(11)} ${kB(size.gzip).padStart(8)} gz  (${size.gzip} B; ${kB(size.bytes)} raw; budget ≤ ${kB(bytes)})`);
}

// Measured as the acceptance run measures (../shared/TOOLCHAIN.md): inside a copy of the built extension, next to
// the popup, a floor page (one module script that creates one button) and a static page (one button, no script),
// so that all three share the extension's renderer process.
const CHROME = join(mkdtempSync(join(tmpdir(), 'mfa-desk-bench-')), 'extension');
cpSync(BUILD, CHROME, { recursive: true });
writeFileSync(join(CHROME, 'floor.html'), '<!doctype html><html><body><script type="module" src="floor.js"></script></body></html>');
writeFileSync(join(CHROME, 'floor.js'), "const b = document.createElement('button'); b.textContent = 'Go'; document.body.append(b);");
writeFileSync(join(CHROME, 'static.html'), '<!doctype html><html><body><button>Go</button></body></html>');

// Records, from navigation start, the moment a page is ready: the popup's Send OTP button (or the floor's and the
// static page's one button) has a box and is not disabled; and, for where the popup's time goes, the moment its
// script first drew into the page.
const READY_PROBE = `(() => {
  const ready = () => {
    const buttons = [...document.querySelectorAll('button')];
    const button = location.pathname === '/popup.html' ? buttons.find((b) => b.textContent.startsWith('Send OTP')) : buttons[0];
    if (!button || button.disabled) return false;
    const box = button.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const check = () => {
    if (window.__drawnAt === undefined && document.getElementById('app')?.firstChild) window.__drawnAt = performance.now();
    if (window.__readyAt === undefined && document.documentElement && ready()) window.__readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

interface Opened {
  /** The HTML parsed (domInteractive). */
  parsed: number;
  /** The popup only (NaN elsewhere): its storage read asked for, its module running, the read's answer in hand. */
  read: number;
  module: number;
  stored: number;
  /** The page's script first drew into it (the popup only). */
  drawn: number;
  ready: number;
}

async function timeToReady(context: BrowserContext, url: string): Promise<Opened> {
  const page = await context.newPage();
  await page.addInitScript(READY_PROBE);
  await page.goto(url);
  await page.waitForFunction(() => (window as { __readyAt?: number }).__readyAt !== undefined);
  const opened = await page.evaluate((marks) => {
    const probe = window as unknown as { __readyAt: number; __drawnAt?: number };
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    // Plain expressions only, as above: the popup's marks (none elsewhere) by name.
    const marked = Object.fromEntries(
      Object.entries(marks).map(([step, mark]) => [step, performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN]),
    ) as Record<keyof typeof marks, number>;
    return { parsed: navigation.domInteractive, ...marked, drawn: probe.__drawnAt ?? Number.NaN, ready: probe.__readyAt };
  }, POPUP_MARKS);
  await page.close();
  return opened;
}

const sandbox = await startSandbox({ log: () => {}, extensions: [chromeOrigin(CHROME)] });
const chromium = await launchChromium([CHROME]);
const { context } = chromium;
const id = unpackedExtensionId(CHROME);
try {
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${id}/options.html`);
  await setup.evaluate((settings) => chrome.storage.sync.set(settings), syncedSettings(sandbox.url, { cooldownSeconds: 0 }));
  // Ten customers on the desk (a chat agent's day): each with its form, a cooldown and an outcome, and a full history;
  // then the worker is stopped, as the browser stops an idle one after 30 s: the popup must never wait on it.
  await setup.evaluate(
    ({ entries }) => {
      // Plain expressions only: a named function here would need the bundler's helpers inside the page.
      const now = Date.now();
      const stored: Record<string, unknown> = { cooldowns: {} };
      for (let n = 0; n < 10; n++) {
        (stored.cooldowns as Record<string, number>)[`MOBILE|155500000${n}`] = now + 30_000;
        stored[`customer.${n}`] = {
          id: n === 0 ? '0:0' : `${n}:${now + n}`,
          openedAt: now,
          lastActiveAt: now,
          activity: {
            inflight: null,
            outcome: {
              action: 'sendOtp',
              subject: { identifierType: 'MOBILE', maskedIdentifier: `•••••••000${n}`, brand: 'Bukl' },
              finishedAt: now,
              result: { ok: true },
            },
          },
          firstFactor: null,
          auth: null,
          session: null,
        };
        stored[`form.${n}`] = {
          identifierType: 'MOBILE',
          identifierValue: `155500000${n}`,
          deviceId: '1234',
          brand: 'Bukl',
          sessionId: '',
          otp: '',
          authorizedToken: '',
          firstFactorOtp: '',
          reference: `#4821${n}`,
        };
      }
      return Promise.all([chrome.storage.session.set(stored), chrome.storage.local.set({ 'history.v1': entries })]);
    },
    { entries: historyEntries(50) },
  );
  const snapshotHasTen = () =>
    setup.evaluate(async () => {
      const { popupSnapshot } = await chrome.storage.session.get('popupSnapshot');
      const snapshot = popupSnapshot as { cooldowns?: object; customers?: unknown[] } | undefined;
      return Object.keys(snapshot?.cooldowns ?? {}).length === 10 && snapshot?.customers?.length === 10;
    });
  while (!(await snapshotHasTen())) await new Promise((resolve) => setTimeout(resolve, 50));
  await stopServiceWorker(setup);

  const times: Record<'popup' | 'static' | 'floor', Opened[]> = { popup: [], static: [], floor: [] };
  for (let round = 0; round < WARM_UP + RUNS; round++) {
    for (const page of ['popup', 'static', 'floor'] as const) {
      const opened = await timeToReady(context, `chrome-extension://${id}/${page}.html`);
      if (round >= WARM_UP) times[page].push(opened);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const ready = (page: keyof typeof times) => median(times[page].map((opened) => opened.ready));
  const [popupReady, staticReady, floorReady] = [ready('popup'), ready('static'), ready('floor')];
  console.log(
    `\nPopup ready (median of ${RUNS} after ${WARM_UP} uncounted rounds, from navigation start, in a copy of the build; ten customers' state stored, worker stopped)`,
  );
  console.log(`  static page  ${ms(staticReady)}`);
  console.log(`  floor page   ${ms(floorReady)}`);
  console.log(
    `  popup        ${ms(popupReady)}  = ${(popupReady / floorReady).toFixed(2)}x the floor (budget ≤ 1.3x), ${(popupReady / staticReady).toFixed(2)}x the static page (≤ 2.0x)`,
  );
  // Where the popup's time goes, per open (medians of each step, from its User Timing marks): the HTML parsed; the
  // module fetched and running; the storage read (asked for by popup-read.js) from asked to in the module's hands;
  // the form drawn; then style and layout until Send OTP has a box.
  const between = (from: keyof Opened | null, to: keyof Opened) =>
    ms(median(times.popup.map((opened) => opened[to] - (from ? opened[from] : 0))));
  console.log(
    `  popup's time: HTML parsed ${between(null, 'parsed')}; module running ${between(null, 'module')}; ` +
      `storage read asked ${between(null, 'read')}, in hand ${between('read', 'stored')} later; ` +
      `drawn ${between('stored', 'drawn')} after; style + layout to ready ${between('drawn', 'ready')}`,
  );

  const customer = { identifierType: 'MOBILE', identifierValue: '18767431754', deviceId: '1234', brand: 'Bukl' };
  const session = { ...customer, sessionId: sandbox.openSession(customer) };
  const page = await context.newPage();
  const popup = new PopupPage(page, id);
  await popup.open();
  await popup.fill(session);
  const warm: number[] = [];
  const cold: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    warm.push(await clickToSent(page, popup, session.sessionId, sandbox.serverTimes, false));
    cold.push(await clickToSent(page, popup, session.sessionId, sandbox.serverTimes, true));
  }
  console.log(`\nSend OTP click to "OTP sent", minus the sandbox's own handling time (median of ${RUNS})`);
  console.log(`  warm worker     ${ms(median(warm))}  (target ≤ 30 ms)`);
  console.log(`  stopped worker  ${ms(median(cold))}  (target ≤ 60 ms)`);

  // The worker stores a validate's token; how long until the open panel shows its claims.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await panel.getByRole('heading', { name: 'Session' }).waitFor();
  const shown: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(async () => {
      const { 'customer.0': first } = await chrome.storage.session.get('customer.0');
      await chrome.storage.session.set({ 'customer.0': { ...(first as object), auth: null } });
    });
    await panel.getByText('No token yet').waitFor();
    const uid = String(2_000_000 + run);
    const seen = panel.evaluate(
      (uid) =>
        new Promise<number>((resolve) => {
          new MutationObserver((_records, observer) => {
            if (document.body.textContent?.includes(uid)) {
              observer.disconnect();
              resolve(Date.now());
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
      uid,
    );
    const token = sampleToken(uid);
    const storedAt = await page.evaluate(async (token) => {
      const user = { appRegistered: false, sessionId: null, role: 'USER', userRegisteredForPassword: false };
      const customer = { identifierType: 'MOBILE', identifierValue: '18767431754', deviceId: '1234', brand: 'Bukl' };
      const auth = { token, key: token, user, receivedAt: Date.now(), apiBaseUrl: 'https://eu.api.capillarytech.com', customer };
      const { 'customer.0': first } = await chrome.storage.session.get('customer.0');
      const before = Date.now();
      await chrome.storage.session.set({ 'customer.0': { ...(first as object), auth } });
      return before;
    }, token);
    shown.push((await seen) - storedAt);
  }
  console.log(`\nSide panel shows a new validate's claims after the worker stores them (median of ${RUNS})`);
  console.log(`  ${ms(median(shown))}  (target ≤ 100 ms; Date.now() resolution, 1 ms)`);

  // A 1 MB token pasted into the Decode box: from the input event to its claims on screen.
  const big = await pastedTokenTimes(panel);
  console.log(`\nA 1 MB token pasted into the side panel, input to claims shown (median of ${RUNS})`);
  console.log(`  ${ms(median(big))}  (target ≤ 100 ms)`);

  // The panel with a full history against a short one: navigation start to the history table drawn.
  // Runs alternate between the two, so that warming up favours neither.
  const short: number[] = [];
  const full: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [count, times] of [
      [5, short],
      [50, full],
    ] as const) {
      await page.evaluate((entries) => chrome.storage.local.set({ 'history.v1': entries }), historyEntries(count));
      times.push(await panelReady(context, `chrome-extension://${id}/sidepanel.html`, count));
    }
  }
  const five = median(short);
  const fifty = median(full);
  console.log(`\nSide panel ready with its history drawn (median of ${RUNS}, from navigation start)`);
  console.log(`  5 entries   ${ms(five)}`);
  console.log(`  50 entries  ${ms(fifty)}  = ${(fifty / five).toFixed(2)}x (target: as fast)`);
} finally {
  await chromium.close();
  await sandbox.close();
  rmSync(dirname(CHROME), { recursive: true, force: true });
}

async function pastedTokenTimes(panel: Page): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const uid = `pasted-${run}`;
    const token = `${sampleToken(uid).split('.')[0]}.${Buffer.from(JSON.stringify({ uid, pad: 'x'.repeat(1024 * 1024) })).toString('base64url')}.sig`;
    times.push(
      await panel.evaluate(
        ({ token, uid }) =>
          new Promise<number>((resolve) => {
            const box = document.getElementById('paste-jwt') as HTMLTextAreaElement;
            const start = performance.now();
            new MutationObserver((_records, observer) => {
              if (document.body.textContent?.includes(uid)) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            }).observe(document.body, { childList: true, subtree: true, characterData: true });
            box.value = token;
            box.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        { token, uid },
      ),
    );
  }
  return times;
}

/** History entries as the background writes them, newest first. */
function historyEntries(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    at: Date.now() - i * 60_000,
    cluster: 'EU',
    brand: 'Bukl',
    maskedIdentifier: '•••••••1754',
    action: i % 2 ? 'validateOtp' : 'sendOtp',
    code: i % 3 ? 'OK' : '1506',
  }));
}

/** From navigation start to the panel's history table holding `rows` rows. */
async function panelReady(context: BrowserContext, url: string, rows: number): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(`(() => {
    new MutationObserver(() => {
      if (window.__readyAt === undefined && document.querySelectorAll('.history tbody tr').length === ${rows}) window.__readyAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  })();`);
  await page.goto(url);
  await page.waitForFunction(() => (window as { __readyAt?: number }).__readyAt !== undefined);
  const at = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
  await page.close();
  return at;
}

/** A token shaped like Capillary's, for a given user ID. */
function sampleToken(uid: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ idv: ['MOBILE|18767431754'], dev: '1234', org: 'BUKL', alg: 'HS256' });
  const now = Math.floor(Date.now() / 1000);
  return `${header}.${part({ uid, iss: 'CAPILLARY TECHNOLOGIES', exp: now + 900, iat: now, rol: 'USER' })}.sig`;
}

async function clickToSent(
  page: Page,
  popup: PopupPage,
  sessionId: string,
  serverTimes: number[],
  stopWorkerFirst: boolean,
): Promise<number> {
  // A popup opened afresh with no outcome on screen for the customer on it, as an agent opens it from the toolbar:
  // "Start a new session" clears the outcome through the background (as the agent's click would), and the Session ID
  // is typed in again. Not a write to the customer's record from the page: the background does not expect one, and
  // would read the record again before the click's call.
  await page.evaluate(async (sessionId) => {
    await chrome.runtime.sendMessage({ type: 'startOver', request: { customerId: '0:0' } });
    const { 'form.0': form } = await chrome.storage.session.get('form.0');
    await chrome.storage.session.set({ 'form.0': { ...(form as object), sessionId } });
  }, sessionId);
  await page.reload();
  await popup.sendButton.waitFor();
  if (stopWorkerFirst) await stopServiceWorker(page);
  const before = serverTimes.length;
  const elapsed = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Send OTP'))!;
        const start = performance.now();
        new MutationObserver((_records, observer) => {
          if (document.querySelector('[role="status"]')?.textContent?.includes('OTP sent')) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        button.click();
      }),
  );
  const server = serverTimes.slice(before).reduce((sum, time) => sum + time, 0);
  return elapsed - server;
}
