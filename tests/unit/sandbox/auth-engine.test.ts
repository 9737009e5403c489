// @vitest-environment node
// The sandbox must imitate Capillary's chain faithfully: the extension's tests are only as good as it is.

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CUSTOMER } from '../../fixtures/capillary';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { signJwt } from '../../sandbox/tokens';

const customer = SEED_CUSTOMER;
const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://0b7c3d4e-1f2a-4b5c-9d8e-7f6a5b4c3d2e';
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ log: () => {}, extensions: [CHROME, FIREFOX] });
});
afterAll(() => sandbox.close());

type Reply = {
  status: { success: boolean; code: number; message: string };
  auth?: { token: string; key?: string | null };
  user?: { sessionId: string };
};

async function post(path: string, body: object, method = 'POST'): Promise<Reply> {
  const response = await fetch(`${sandbox.url}/auth/v1/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Reply;
}

/** The chain up to a validated MFA session: token and key. */
async function validated() {
  const authorizedToken = sandbox.authorizedToken(customer);
  const sessionId = (await post('mfa/token/generate', { ...customer, authorizedToken })).user!.sessionId;
  await post('mfa/otp/generate', { ...customer, sessionId });
  const reply = await post('mfa/otp/validate', { ...customer, sessionId, otp: sandbox.lastOtp(sessionId) });
  return reply.auth as { token: string; key: string };
}

describe('the sandbox’s login chain', () => {
  it('runs the first factor and opens an MFA session with the USER token it gave', async () => {
    const opened = await post('token/generate', customer);
    expect(opened).toMatchObject({ status: { code: 200 }, auth: { key: null }, user: { role: 'VIEW' } });
    const sessionId = opened.user!.sessionId;
    expect((await post('otp/generate', { ...customer, sessionId })).status.success).toBe(true);
    const otp = sandbox.lastOtpTo(customer.identifierValue, 'first factor')!;
    expect((await post('otp/validate', { ...customer, sessionId, otp: '000000' === otp ? '111111' : '000000' })).status.code).toBe(1506);
    const checked = await post('otp/validate', { ...customer, sessionId, otp });
    const [, payload] = checked.auth!.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.rol).toBe('USER');
    expect(claims.exp - claims.iat).toBe(3600);
    const mfa = await post('mfa/token/generate', { ...customer, authorizedToken: checked.auth!.token });
    expect(mfa.user!.sessionId).toMatch(/^P-[0-9a-f-]{36}$/);
  });

  it('keeps first-factor and MFA sessions apart', async () => {
    const firstFactor = (await post('token/generate', customer)).user!.sessionId;
    expect((await post('mfa/otp/generate', { ...customer, sessionId: firstFactor })).status.code).toBe(1505);
  });

  it.each([
    ['a forged token', () => signJwt({ alg: 'HS256' }, { rol: 'USER' }).replace(/.$/, 'x'), 1505],
    ['a VIEW token', async () => (await post('token/generate', customer)).auth!.token, 1505],
    ['an expired USER token', () => signJwt({ idv: ['MOBILE|18767431754'], dev: '1234', org: 'BUKL' }, { rol: 'USER', exp: 1 }), 1529],
  ])('refuses to open an MFA session with %s', async (_name, token, code) => {
    expect((await post('mfa/token/generate', { ...customer, authorizedToken: await token() })).status.code).toBe(code);
  });

  it('refuses a token for another customer with the code of what differs', async () => {
    const authorizedToken = sandbox.authorizedToken(customer);
    expect((await post('mfa/token/generate', { ...customer, deviceId: '9', authorizedToken })).status.code).toBe(1508);
    expect((await post('mfa/token/generate', { ...customer, identifierValue: '18767431755', authorizedToken })).status.code).toBe(1541);
  });

  it('refreshes a token with its key, without returning a key', async () => {
    const { key } = await validated();
    const refreshed = await post('mfa/token/regenerate', { ...customer, key });
    expect(refreshed.status.code).toBe(200);
    expect(refreshed.auth!.token.split('.')).toHaveLength(3);
    expect(refreshed.auth).not.toHaveProperty('key');
  });

  it('refuses a retired, unknown or non-MFA key with 1597', async () => {
    const { key } = await validated();
    expect((await post('mfa/token/regenerate', { ...customer, key: `${key}x` })).status.code).toBe(1597);
    sandbox.retireKeys();
    expect((await post('mfa/token/regenerate', { ...customer, key })).status.code).toBe(1597);
  });

  it('expires a token (POST or DELETE): once ended, it cannot be ended again and its key refreshes no more', async () => {
    const { token, key } = await validated();
    expect((await post('mfa/token/expire', { ...customer, token }, 'DELETE')).status.code).toBe(200);
    expect((await post('mfa/token/expire', { ...customer, token })).status.code).toBe(1529);
    expect((await post('mfa/token/regenerate', { ...customer, key })).status.code).toBe(1597);
  });

  it('answers a missing field with 1519 on every call', async () => {
    for (const path of [
      'token/generate',
      'otp/generate',
      'otp/validate',
      'mfa/token/generate',
      'mfa/token/regenerate',
      'mfa/token/expire',
    ]) {
      expect((await post(path, { identifierType: 'MOBILE' })).status.code, path).toBe(1519);
    }
  });
});

describe('the sandbox’s doors', () => {
  /** A raw request, so that Host and Origin can be anything a browser or an attacker's page would send. */
  function raw(headers: Record<string, string>, method = 'OPTIONS'): Promise<{ status: number; headers: Record<string, unknown> }> {
    const { port } = new URL(sandbox.url);
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/auth/v1/mfa/otp/generate', method, headers }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      });
      req.on('error', reject);
      req.end(method === 'POST' ? '{}' : undefined);
    });
  }

  it.each([CHROME, FIREFOX])('answers CORS for the extension origin %s it was started for', async (origin) => {
    const reply = await raw({ Origin: origin, Host: new URL(sandbox.url).host });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe(origin);
  });

  it.each([
    ['a web page', 'https://evil.example'],
    ['another extension', 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba'],
  ])('refuses %s, preflight or simple POST, and sends no CORS header', async (_who, origin) => {
    for (const method of ['OPTIONS', 'POST']) {
      const reply = await raw({ Origin: origin, Host: new URL(sandbox.url).host, 'Content-Type': 'text/plain' }, method);
      expect(reply.status).toBe(403);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('answers an extension origin allowed after it started (a test’s own copy of the build)', async () => {
    const copy = 'chrome-extension://aaaabbbbccccddddaaaabbbbccccdddd';
    expect((await raw({ Origin: copy, Host: new URL(sandbox.url).host })).status).toBe(403);
    sandbox.allow(copy);
    expect((await raw({ Origin: copy, Host: new URL(sandbox.url).host })).status).toBe(204);
  });

  it('cannot be framed by another page', async () => {
    const reply = await raw({ Host: new URL(sandbox.url).host }, 'GET');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['content-security-policy']).toBe("frame-ancestors 'none'");
  });

  it('refuses to listen beyond this machine', async () => {
    await expect(startSandbox({ host: '0.0.0.0', log: () => {} })).rejects.toThrow('listens on this machine only');
  });

  it('answers only on a loopback Host (no DNS rebinding)', async () => {
    expect((await raw({ Host: 'rebind.evil.example:80' }, 'GET')).status).toBe(421);
    expect((await raw({ Host: `localhost:${new URL(sandbox.url).port}` }, 'GET')).status).not.toBe(421);
  });
});
