// A local imitation of Capillary's auth API, for `npm start` and the tests: the HTTP side (CORS, faults for tests,
// the tester's page) around the auth engine in auth-engine.ts, which answers every call of the login chain.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthEngine, fail, type Reply, type SentOtp, type Step } from './auth-engine';
import { firstFactorTokenPage, outboxPage } from './outbox-page';
import type { Customer } from './tokens';

const TYPES = ['MOBILE', 'EMAIL', 'USERNAME', 'EXTERNALID'];

/** Ways the next calls to the auth endpoints can be made to fail, for tests and demos. */
export type Fault =
  | 'html-502'
  | 'not-json-200'
  | 'bad-shape-200'
  | 'soft-fail-200'
  | 'hang'
  | 'slow'
  /** A 307 to this URL, as a hostile proxy would answer: the client must not re-send the body there. */
  | `redirect:${string}`
  /** A 64 MB JSON-looking reply with no Content-Length. */
  | 'huge-200'
  /** A reply that starts, then sends one byte every 200 ms, for a minute. */
  | 'drip'
  /** Capillary's OTP rate limit: HTTP 429 with Retry-After: 120. */
  | 'rate-limit-429';

/** Hosts the sandbox answers to: this machine only, so a page elsewhere cannot reach it through DNS rebinding. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/;
/** Addresses it listens on: it prints OTPs and mints tokens for whoever reaches it, so never beyond this machine. */
const LOOPBACK_ADDRESSES = ['127.0.0.1', 'localhost', '::1'];

/** How long a 'slow' fault holds an answer back. */
export const SLOW_MS = 2000;

export interface SandboxOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
  /** Added before every answer of the auth endpoints, to imitate a real cluster's latency. */
  delayMs?: number;
  /**
   * The extension origins that get CORS answers (`chrome-extension://<id>`, `moz-extension://<uuid>`): the ones
   * `npm start` or a test loads, never any extension. More can be allowed later with `allow`.
   */
  extensions?: string[];
}

export interface Sandbox {
  url: string;
  close(): Promise<void>;
  /** Opens an MFA session the way /auth/v1/mfa/token/generate does, skipping the first factor, and returns its ID. */
  openSession(customer: Customer): string;
  /** Runs the first factor for a customer and returns their USER token, as an agent would get it from elsewhere. */
  authorizedToken(customer: Customer): string;
  /** The OTP a session is waiting for (null once used). */
  lastOtp(sessionId: string): string | null;
  /** The last OTP of a step sent to an identifier value, as the customer's phone shows it. */
  lastOtpTo(identifierValue: string, step: Step): string | null;
  /** Every key given so far refuses to refresh from now on (1597). */
  retireKeys(): void;
  injectFault(fault: Fault, times?: number): void;
  /** How many requests each path received. */
  counts: Record<string, number>;
  /** Every auth call's path and JSON body, in the order received (for tests that check what was sent). */
  requests: { path: string; body: Record<string, unknown> }[];
  /** Milliseconds the sandbox spent on each auth call, from request to answer (for the bench). */
  serverTimes: number[];
  outbox: SentOtp[];
  /** Answers CORS for one more extension origin (a test's copy of the build has an ID of its own). */
  allow(origin: string): void;
}

export async function startSandbox({
  port = 0,
  host = '127.0.0.1',
  log = console.log,
  delayMs = 0,
  extensions = [],
}: SandboxOptions = {}): Promise<Sandbox> {
  if (!LOOPBACK_ADDRESSES.includes(host)) {
    throw new Error(
      `The sandbox listens on this machine only (127.0.0.1, ::1 or localhost), not on ${host}: it prints OTPs and mints tokens for anyone who can reach it.`,
    );
  }
  const allowed = new Set(extensions);
  const engine = createAuthEngine(log);
  const faults: Fault[] = [];
  const counts: Record<string, number> = {};
  const serverTimes: number[] = [];
  const requests: Sandbox['requests'] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const route = Object.hasOwn(engine.routes, url.pathname) ? engine.routes[url.pathname] : undefined;
    if (req.method === 'POST' && route) {
      const started = performance.now();
      res.once('finish', () => serverTimes.push(performance.now() - started));
    }
    counts[`${req.method} ${url.pathname}`] = (counts[`${req.method} ${url.pathname}`] ?? 0) + 1;
    if (!LOOPBACK_HOST.test(req.headers.host ?? ''))
      return send(res, 421, 'The sandbox answers on 127.0.0.1 and localhost only.', 'text/plain');
    // Never framed: its page has forms that mint sessions, and a page elsewhere must not dress them up.
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
    // Answers (with CORS, for a page or a browser that asks) only the extensions it was started for; any other origin
    // is refused outright (a simple POST would otherwise reach the engine without CORS).
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', 'POST, GET, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept');
      res.setHeader('Access-Control-Max-Age', '600');
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    } else if (origin && origin !== `http://${req.headers.host}`) {
      const hint = /^(?:chrome|moz)-extension:/.test(origin) ? ` To let ${origin} in, start it with SANDBOX_EXTENSIONS=${origin}.` : '';
      return send(res, 403, `The sandbox answers the extension it was started for and its own page only.${hint}`, 'text/plain');
    }
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') return send(res, 204, '');
    if (req.method === 'GET' && url.pathname === '/') {
      return send(res, 200, outboxPage(engine.outbox, engine.recentSessions()), 'text/html; charset=utf-8');
    }
    if (req.method === 'POST' && url.pathname.startsWith('/__sandbox/')) return byHand(url.pathname, req, res);
    if (!route) return sendJson(res, fail(404, 'Not found', 404));
    // The expire page's example sends DELETE where its table says POST: both are taken.
    const deleteAllowed = url.pathname === '/auth/v1/mfa/token/expire' && req.method === 'DELETE';
    if (req.method !== 'POST' && !deleteAllowed) return sendJson(res, fail(405, 'Method not allowed', 405));
    const body = parseObject(await readBody(req));
    if (!body) return sendJson(res, fail(1519, 'Invalid details: the body is not a JSON object'));
    requests.push({ path: url.pathname, body });
    if (delayMs > 0) await sleep(delayMs);
    const fault = faults.shift();
    if (fault === 'slow') await sleep(SLOW_MS);
    else if (fault) return applyFault(fault, res, body);
    const reply = route(body);
    log(`[sandbox] ${req.method} ${url.pathname} -> ${(reply.body as { status: { code: number } }).status.code}`);
    sendJson(res, reply);
  }

  function applyFault(fault: Exclude<Fault, 'slow'>, res: ServerResponse, body: Record<string, unknown>) {
    log(`[sandbox] injected fault: ${fault}`);
    if (fault.startsWith('redirect:')) return res.writeHead(307, { Location: fault.slice('redirect:'.length) }).end();
    switch (fault) {
      case 'huge-200':
        return sendHuge(res);
      case 'drip':
        return drip(res);
      case 'html-502':
        return send(res, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
      case 'not-json-200':
        return send(res, 200, 'OK', 'text/plain');
      case 'bad-shape-200':
        // A status without its code, and a token that is not a string next to an echoed OTP.
        return sendJson(res, {
          http: 200,
          body: { status: { success: true, message: 'SUCCESS' }, auth: { token: 42 }, echo: { otp: body.otp ?? null } },
        });
      case 'soft-fail-200':
        return sendJson(res, fail(1503, 'Cannot generate OTP', 200));
      case 'rate-limit-429':
        res.setHeader('Retry-After', '120');
        return sendJson(res, fail(429, 'Too many requests', 429));
      case 'hang':
        // Never answer; the socket closes with the server.
        return;
    }
  }

  /** The tester's page: open an MFA session directly, or run the first factor by hand through the engine's own calls. */
  async function byHand(path: string, req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const customer = {
      identifierType: form.get('identifierType') ?? 'MOBILE',
      identifierValue: (form.get('identifierValue') ?? '').trim(),
      deviceId: (form.get('deviceId') ?? '').trim(),
      brand: (form.get('brand') ?? '').trim(),
    };
    const back = () => res.writeHead(303, { Location: '/' }).end();
    if (!TYPES.includes(customer.identifierType) || !customer.identifierValue || !customer.deviceId || !customer.brand) {
      return send(res, 400, 'Every customer field is required. Go back and fill them in.', 'text/plain; charset=utf-8');
    }
    if (path === '/__sandbox/session') {
      engine.openMfaSession(customer);
      return back();
    }
    if (path === '/__sandbox/first-factor') {
      const opened = engine.routes['/auth/v1/token/generate'](customer);
      const sessionId = (opened.body as { user?: { sessionId: string } }).user?.sessionId;
      if (sessionId) engine.routes['/auth/v1/otp/generate']({ ...customer, sessionId });
      return back();
    }
    if (path === '/__sandbox/first-factor/verify') {
      const sessionId = (form.get('sessionId') ?? '').trim();
      const reply = engine.routes['/auth/v1/otp/validate']({ ...customer, sessionId, otp: (form.get('otp') ?? '').trim() });
      return send(res, reply.http, firstFactorTokenPage(reply.body), 'text/html; charset=utf-8');
    }
    send(res, 404, 'Not found', 'text/plain');
  }

  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`[sandbox] internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://${host}:${address.port}`,
    counts,
    serverTimes,
    requests,
    outbox: engine.outbox,
    openSession: engine.openMfaSession,
    authorizedToken: engine.authorizedToken,
    lastOtp: (sessionId) => engine.session(sessionId)?.otp ?? null,
    lastOtpTo: (identifierValue, step) =>
      engine.outbox.find((sent) => sent.step === step && sent.to.endsWith(` ${identifierValue}`))?.otp ?? null,
    retireKeys: engine.retireKeys,
    allow: (origin) => void allowed.add(origin),
    injectFault: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** 64 MB in 64 kB chunks, stopping as soon as the client goes away. */
function sendHuge(res: ServerResponse) {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let left = 1024;
  res.write('{"status":{"success":true,"code":200,"message":"');
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      left--;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('"}}');
  };
  res.on('close', () => {
    left = 0;
  });
  pump();
}

/** One byte every 200 ms, for a minute: a reply that never quite arrives. */
function drip(res: ServerResponse) {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.write('{"status":');
  let left = 300;
  const timer = setInterval(() => {
    if (--left <= 0 || res.destroyed) {
      clearInterval(timer);
      return void res.end();
    }
    res.write(' ');
  }, 200);
  res.on('close', () => clearInterval(timer));
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
}

function sendJson(res: ServerResponse, reply: Reply) {
  send(res, reply.http, JSON.stringify(reply.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 64 * 1024) req.destroy(new Error('body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
