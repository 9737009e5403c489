// A local imitation of Capillary's MFA auth API, for `npm start` and the tests. It keeps MFA sessions in
// memory, "sends" OTPs by printing them like an SMS gateway would, and answers with Capillary's codes.
import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { outboxPage } from './outbox-page';
import { type Customer, mintMfaTokens, mintViewToken } from './tokens';

const SESSION_MS = 15 * 60 * 1000;
const MAX_ATTEMPTS = 5;
const TYPES = ['MOBILE', 'EMAIL', 'USERNAME', 'EXTERNALID'];

interface Session extends Customer {
  id: string;
  createdAt: number;
  otp: string | null;
  attempts: number;
}

/** Ways the next calls to the two OTP endpoints can be made to fail, for tests and demos. */
export type Fault = 'html-502' | 'not-json-200' | 'bad-shape-200' | 'soft-fail-200' | 'hang' | 'slow';

/** How long a 'slow' fault holds an answer back. */
export const SLOW_MS = 2000;

export interface SentOtp {
  sessionId: string;
  to: string;
  brand: string;
  otp: string;
  at: number;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
  /** Added before every answer of the OTP endpoints, to imitate a real cluster's latency. */
  delayMs?: number;
}

export interface Sandbox {
  url: string;
  close(): Promise<void>;
  /** Opens an MFA session the way /auth/v1/mfa/token/generate does and returns its ID. */
  openSession(customer: Customer): string;
  lastOtp(sessionId: string): string | null;
  injectFault(fault: Fault, times?: number): void;
  /** How many requests each path received. */
  counts: Record<string, number>;
  /** Milliseconds the sandbox spent on each OTP call, from request to answer (for the bench). */
  serverTimes: number[];
  outbox: SentOtp[];
}

type Reply = { http: number; body: unknown };
const ok = (extra: object = {}): Reply => ({ http: 200, body: { status: { success: true, code: 200, message: 'SUCCESS' }, ...extra } });
const fail = (code: number, message: string, http = 400): Reply => ({ http, body: { status: { success: false, code, message } } });

export async function startSandbox({
  port = 0,
  host = '127.0.0.1',
  log = console.log,
  delayMs = 0,
}: SandboxOptions = {}): Promise<Sandbox> {
  const sessions = new Map<string, Session>();
  const faults: Fault[] = [];
  const counts: Record<string, number> = {};
  const serverTimes: number[] = [];
  const outbox: SentOtp[] = [];

  function openSession(customer: Customer): string {
    const id = `P-${randomUUID()}`;
    sessions.set(id, { ...customer, id, createdAt: Date.now(), otp: null, attempts: 0 });
    log(
      `[sandbox] MFA session ${id} opened for ${customer.identifierType} ${customer.identifierValue}, device ${customer.deviceId}, brand ${customer.brand}`,
    );
    return id;
  }

  /** The checks both OTP calls make, in Capillary's order; returns the session or the failure. */
  function checkSession(body: Record<string, unknown>, extra: string[] = []): Session | Reply {
    const fields = ['identifierType', 'identifierValue', 'deviceId', 'brand', 'sessionId', ...extra];
    const missing = fields.filter(
      (field) => !(typeof body[field] === 'string' && body[field] !== '') && !(field === 'otp' && typeof body.otp === 'number'),
    );
    if (missing.length > 0) return fail(1519, `Invalid details: ${missing.join(', ')}`);
    if (!TYPES.includes(body.identifierType as string)) return fail(1546, 'Invalid identifierType');
    const session = sessions.get(body.sessionId as string);
    if (!session || Date.now() - session.createdAt > SESSION_MS) return fail(1505, 'Invalid session', 401);
    if (session.identifierType !== body.identifierType || session.identifierValue !== body.identifierValue) {
      return fail(1541, 'Identifier does not match the session');
    }
    if (session.deviceId !== body.deviceId) return fail(1508, 'Device does not match the session');
    if (session.brand.toUpperCase() !== String(body.brand).toUpperCase()) return fail(1509, 'Brand does not match the session');
    return session;
  }

  function generateOtp(body: Record<string, unknown>): Reply {
    const session = checkSession(body);
    if ('http' in session) return session;
    session.otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
    session.attempts = 0;
    const sent = {
      sessionId: session.id,
      to: `${session.identifierType} ${session.identifierValue}`,
      brand: session.brand,
      otp: session.otp,
      at: Date.now(),
    };
    outbox.unshift(sent);
    outbox.length = Math.min(outbox.length, 20);
    log(`[sandbox SMS] to ${sent.to} (${session.brand}): your ${session.brand} code is ${session.otp}`);
    return ok();
  }

  function validateOtp(body: Record<string, unknown>): Reply {
    const session = checkSession(body, ['otp']);
    if ('http' in session) return session;
    if (session.attempts >= MAX_ATTEMPTS) return fail(1518, 'Maximum OTP retries reached');
    if (!session.otp) return fail(1537, 'OTP not generated');
    if (String(body.otp) !== session.otp) {
      session.attempts += 1;
      if (session.attempts >= MAX_ATTEMPTS) return fail(1518, 'Maximum OTP retries reached');
      return fail(1506, 'Invalid OTP');
    }
    session.otp = null;
    const auth = mintMfaTokens(session, Math.floor(Date.now() / 1000));
    return ok({ auth, user: { appRegistered: false, sessionId: null, role: 'USER', userRegisteredForPassword: false } });
  }

  function mintSession(body: Record<string, unknown>): Reply {
    const fields = ['identifierType', 'identifierValue', 'deviceId', 'brand', 'authorizedToken'];
    const missing = fields.filter((field) => typeof body[field] !== 'string' || body[field] === '');
    if (missing.length > 0) return fail(1519, `Invalid details: ${missing.join(', ')}`);
    if (!TYPES.includes(body.identifierType as string)) return fail(1546, 'Invalid identifierType');
    const customer = body as unknown as Customer;
    const sessionId = openSession(customer);
    return ok({
      auth: { token: mintViewToken(customer, Math.floor(Date.now() / 1000)), key: null },
      user: { appRegistered: false, sessionId, role: 'VIEW', userRegisteredForPassword: false },
    });
  }

  const routes: Record<string, (body: Record<string, unknown>) => Reply> = {
    '/auth/v1/mfa/otp/generate': generateOtp,
    '/auth/v1/mfa/otp/validate': validateOtp,
    '/auth/v1/mfa/token/generate': mintSession,
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (req.method === 'POST' && url.pathname.startsWith('/auth/v1/mfa/otp/')) {
      const started = performance.now();
      res.once('finish', () => serverTimes.push(performance.now() - started));
    }
    counts[`${req.method} ${url.pathname}`] = (counts[`${req.method} ${url.pathname}`] ?? 0) + 1;
    // CORS, so the unpacked extension reaches the sandbox without a host permission.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept');
    res.setHeader('Access-Control-Max-Age', '600');
    if (req.method === 'OPTIONS') return send(res, 204, '');
    if (req.method === 'GET' && url.pathname === '/')
      return send(res, 200, outboxPage(outbox, [...sessions.values()].slice(-5).reverse()), 'text/html; charset=utf-8');
    if (req.method === 'POST' && url.pathname === '/__sandbox/session') return openSessionFromPage(req, res);
    const route = routes[url.pathname];
    if (!route) return sendJson(res, fail(404, 'Not found', 404));
    if (req.method !== 'POST') return sendJson(res, fail(405, 'Method not allowed', 405));
    const text = await readBody(req);
    const body = parseObject(text);
    if (!body) return sendJson(res, fail(1519, 'Invalid details: the body is not a JSON object'));
    if (delayMs > 0 && url.pathname !== '/auth/v1/mfa/token/generate') await sleep(delayMs);
    const fault = url.pathname.startsWith('/auth/v1/mfa/otp/') ? faults.shift() : undefined;
    if (fault === 'slow') await sleep(SLOW_MS);
    else if (fault) return applyFault(fault, res, body);
    const reply = route(body);
    log(`[sandbox] ${req.method} ${url.pathname} -> ${(reply.body as { status: { code: number } }).status.code}`);
    sendJson(res, reply);
  }

  function applyFault(fault: Exclude<Fault, 'slow'>, res: ServerResponse, body: Record<string, unknown>) {
    log(`[sandbox] injected fault: ${fault}`);
    switch (fault) {
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
      case 'hang':
        // Never answer; the socket closes with the server.
        return;
    }
  }

  async function openSessionFromPage(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const customer = {
      identifierType: form.get('identifierType') ?? 'MOBILE',
      identifierValue: (form.get('identifierValue') ?? '').trim(),
      deviceId: (form.get('deviceId') ?? '').trim(),
      brand: (form.get('brand') ?? '').trim(),
    };
    if (!TYPES.includes(customer.identifierType) || !customer.identifierValue || !customer.deviceId || !customer.brand) {
      return send(res, 400, 'Every field is required. Go back and fill them in.', 'text/plain; charset=utf-8');
    }
    openSession(customer);
    res.writeHead(303, { Location: '/' }).end();
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
    outbox,
    openSession,
    lastOtp: (sessionId) => sessions.get(sessionId)?.otp ?? null,
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
