import { describe, expect, it, vi } from 'vitest';
import { createCapillaryApi, retryAfterSeconds } from '@/lib/capillary/client';
import { ENDPOINTS, type EndpointName } from '@/lib/capillary/endpoints';
import type { DeskError } from '@/lib/model/capillary/errors';
import { SEED_CUSTOMER, SEED_REQUEST, SEED_TOKEN, SUCCESS, VALIDATED } from '../../fixtures/capillary';
import { failure } from './failure';

const request = SEED_REQUEST;
const validated = VALIDATED;

const answer = (status: number, body: string | object) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

describe('the Capillary client', () => {
  it('POSTs the request as JSON to the cluster’s generate endpoint', async () => {
    const fetch = answer(200, SUCCESS);
    const api = createCapillaryApi({ baseUrl: 'https://eu.api.capillarytech.com/', fetch });
    expect(await api.generateOtp(request)).toEqual(SUCCESS);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://eu.api.capillarytech.com/auth/v1/mfa/otp/generate');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual(request);
    expect(init.credentials).toBe('omit');
  });

  it('returns the token, key and user of a successful validate', async () => {
    const fetch = answer(200, validated);
    const reply = await createCapillaryApi({ baseUrl: 'https://x.test', fetch }).validateOtp({ ...request, otp: '123456' });
    expect(reply.auth.key).toBe(validated.auth.key);
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('https://x.test/auth/v1/mfa/otp/validate');
  });

  it.each([
    ['an error status with Capillary’s body', 400, { status: { success: false, code: 1506, message: 'Invalid OTP' } }, 1506],
    ['HTTP 200 with success false', 200, { status: { success: false, code: 1505, message: 'Invalid session' } }, 1505],
    ['HTTP 401 with Capillary’s body', 401, { status: { success: false, code: 1505, message: 'Invalid session' } }, 1505],
  ])('turns %s into Capillary’s code and message', async (_name, http, body, code) => {
    const detail = await failure(createCapillaryApi({ baseUrl: 'https://x.test', fetch: answer(http, body) }).generateOtp(request));
    expect(detail).toEqual({ kind: 'capillary', httpStatus: http, code, message: body.status.message });
  });

  it.each([
    ['an HTML error page', 502, '<html><h1>Bad Gateway</h1></html>'],
    ['an empty body', 503, ''],
    ['JSON that is not Capillary’s', 500, { error: 'boom' }],
  ])('turns %s into HTTP <status>', async (_name, http, body) => {
    const detail = await failure(createCapillaryApi({ baseUrl: 'https://x.test', fetch: answer(http, body) }).generateOtp(request));
    expect(detail).toEqual({ kind: 'http', httpStatus: http });
  });

  it.each([
    ['with Retry-After in seconds', { 'Retry-After': '120' }, { kind: 'rate-limited', retryAfterSeconds: 120 }],
    ['without Retry-After', {}, { kind: 'rate-limited' }],
    ['with an unreadable Retry-After', { 'Retry-After': 'soon' }, { kind: 'rate-limited' }],
  ])('reports HTTP 429 as Capillary’s rate limit, %s', async (_name, headers, expected) => {
    const limited = vi.fn(
      async () => new Response(JSON.stringify({ status: { success: false, code: 429, message: 'Too many' } }), { status: 429, headers }),
    );
    expect(await failure(createCapillaryApi({ baseUrl: 'https://x.test', fetch: limited }).generateOtp(request))).toEqual(expected);
  });

  it.each([
    ['90', 90],
    ['100000', 86_400],
    ['Sat, 28 Nov 2026 10:02:00 GMT', 120],
    ['Sat, 28 Nov 2026 09:00:00 GMT', 0],
    [null, undefined],
    ['', undefined],
  ])('reads Retry-After %j as %j seconds', (header, seconds) => {
    expect(retryAfterSeconds(header, Date.parse('2026-11-28T10:00:00Z'))).toBe(seconds);
  });

  it('reports a 200 reply that is not JSON as a bad response', async () => {
    const detail = await failure(createCapillaryApi({ baseUrl: 'https://x.test', fetch: answer(200, 'OK') }).generateOtp(request));
    expect(detail).toMatchObject({ kind: 'bad-response', httpStatus: 200, problem: '', body: 'OK' });
  });

  it('keeps a reply that breaks the contract for display, with its secrets blanked', async () => {
    const broken = { ...SUCCESS, auth: { token: validated.auth.token }, otp: 123456 };
    const detail = await failure(
      createCapillaryApi({ baseUrl: 'https://x.test', fetch: answer(200, broken) }).validateOtp({ ...request, otp: '123456' }),
    );
    expect(detail.kind).toBe('bad-response');
    const { problem, body } = detail as Extract<DeskError, { kind: 'bad-response' }>;
    expect(problem).toContain('auth.key');
    expect(body).toContain('[redacted');
    expect(body).not.toContain(validated.auth.token);
    expect(body).not.toContain('123456');
  });

  it('gives up after the timeout and says so', async () => {
    const hang = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
    );
    const detail = await failure(
      createCapillaryApi({ baseUrl: 'https://x.test', fetch: hang as typeof fetch, timeoutMs: 30 }).generateOtp(request),
    );
    expect(detail).toEqual({ kind: 'timeout', afterMs: 30 });
  });

  it('uses a 10 s timeout by default', async () => {
    const fetch = answer(200, SUCCESS);
    vi.spyOn(AbortSignal, 'timeout');
    await createCapillaryApi({ baseUrl: 'https://x.test', fetch }).generateOtp(request);
    expect(AbortSignal.timeout).toHaveBeenCalledWith(10_000);
  });

  it('reports a refused connection as a network error, and never retries the POST', async () => {
    const refused = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const detail = await failure(createCapillaryApi({ baseUrl: 'https://x.test', fetch: refused }).generateOtp(request));
    expect(detail).toEqual({ kind: 'network', detail: 'Failed to fetch' });
    expect(refused).toHaveBeenCalledOnce();
  });

  it('says the browser is offline when it is', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const refused = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const detail = await failure(createCapillaryApi({ baseUrl: 'https://x.test', fetch: refused }).generateOtp(request));
    expect(detail).toEqual({ kind: 'network', detail: '', offline: true });
  });
});

// Every endpoint of the chain, with a request as the desk sends it and a reply as REFERENCE.md gives it.
const customer = SEED_CUSTOMER;
const CHAIN = [
  {
    name: 'openFirstFactor',
    path: '/auth/v1/token/generate',
    request: customer,
    reply: { ...SUCCESS, auth: { token: SEED_TOKEN, key: null }, user: { sessionId: 'b04c1001', role: 'VIEW' } },
  },
  { name: 'sendFirstFactorOtp', path: '/auth/v1/otp/generate', request: { ...customer, sessionId: 'b04c1001' }, reply: SUCCESS },
  {
    name: 'validateFirstFactorOtp',
    path: '/auth/v1/otp/validate',
    request: { ...customer, sessionId: 'b04c1001', otp: '123456' },
    reply: { ...SUCCESS, auth: { token: SEED_TOKEN, key: null }, user: {} },
  },
  {
    name: 'startMfaSession',
    path: '/auth/v1/mfa/token/generate',
    request: { ...customer, authorizedToken: SEED_TOKEN },
    reply: { ...SUCCESS, auth: { token: SEED_TOKEN, key: null }, user: { sessionId: 'P-b04c1001', role: 'VIEW' } },
  },
  { name: 'generateOtp', path: '/auth/v1/mfa/otp/generate', request: { ...customer, sessionId: 'P-1' }, reply: SUCCESS },
  { name: 'validateOtp', path: '/auth/v1/mfa/otp/validate', request: { ...customer, sessionId: 'P-1', otp: '123456' }, reply: VALIDATED },
  {
    name: 'refreshToken',
    path: '/auth/v1/mfa/token/regenerate',
    request: { ...customer, key: SEED_TOKEN },
    reply: { ...SUCCESS, auth: { token: SEED_TOKEN } },
  },
  { name: 'endSession', path: '/auth/v1/mfa/token/expire', request: { ...customer, token: SEED_TOKEN }, reply: SUCCESS },
] as const;

const callOf = (name: EndpointName, fetch: typeof globalThis.fetch, timeoutMs?: number) => (request: unknown) =>
  (createCapillaryApi({ baseUrl: 'https://eu.api.capillarytech.com', fetch, timeoutMs })[name] as (request: unknown) => Promise<unknown>)(
    request,
  );

describe('every call of the login chain', () => {
  it('covers every endpoint of the client', () => {
    expect(CHAIN.map((endpoint) => endpoint.name).sort()).toEqual(Object.keys(ENDPOINTS).sort());
  });

  it.each(CHAIN)('$name POSTs exactly the documented fields to $path and returns the reply', async ({ name, path, request, reply }) => {
    const fetch = answer(200, reply);
    expect(
      await callOf(name, fetch)({ ...request, extra: 'dropped', [name === 'validateOtp' ? 'authorizedToken' : 'otpCode']: 'x' }),
    ).toEqual(reply);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`https://eu.api.capillarytech.com${path}`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual(request);
  });

  it.each(CHAIN)('$name turns Capillary’s refusal into its code and message', async ({ name, request }) => {
    const body = { status: { success: false, code: 1597, message: 'Key expired or not valid' } };
    expect(await failure(callOf(name, answer(401, body))(request))).toEqual({
      kind: 'capillary',
      httpStatus: 401,
      code: 1597,
      message: 'Key expired or not valid',
    });
  });

  it.each(CHAIN)('$name turns an HTML error page into HTTP <status>', async ({ name, request }) => {
    expect(await failure(callOf(name, answer(502, '<h1>Bad gateway</h1>'))(request))).toEqual({ kind: 'http', httpStatus: 502 });
  });

  it.each(CHAIN)('$name keeps a 200 that breaks its contract for display, secrets blanked', async ({ name, request }) => {
    const detail = await failure(callOf(name, answer(200, { status: { success: true }, auth: { token: SEED_TOKEN } }))(request));
    expect(detail).toMatchObject({ kind: 'bad-response', httpStatus: 200 });
    expect((detail as Extract<DeskError, { kind: 'bad-response' }>).body).not.toContain(SEED_TOKEN);
  });

  it.each(CHAIN)('$name times out, and is never retried', async ({ name, request }) => {
    const hang = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
    );
    expect(await failure(callOf(name, hang as typeof fetch, 20)(request))).toEqual({ kind: 'timeout', afterMs: 20 });
    expect(hang).toHaveBeenCalledOnce();
  });

  it.each(CHAIN)('$name reports a refused connection as a network error', async ({ name, request }) => {
    const refused = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await failure(callOf(name, refused)(request))).toEqual({ kind: 'network', detail: 'Failed to fetch' });
  });

  it.each(CHAIN)('$name sends nothing for a malformed request, and names the field', async ({ name, request }) => {
    const fetch = answer(200, SUCCESS);
    const detail = await failure(callOf(name, fetch)({ ...request, identifierValue: '98765 ABCDE' }));
    expect(detail).toMatchObject({
      kind: 'invalid-request',
      fields: { identifierValue: expect.stringContaining('with its country code') },
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
