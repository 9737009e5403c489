import { describe, expect, it, vi } from 'vitest';
import { createCapillaryApi } from '@/lib/capillary/client';
import { CapillaryApiError, type DeskError } from '@/lib/capillary/errors';
import { SEED_REQUEST, SUCCESS, VALIDATED } from '../../fixtures/capillary';

const request = SEED_REQUEST;
const validated = VALIDATED;

const answer = (status: number, body: string | object) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

async function failure(call: Promise<unknown>): Promise<DeskError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CapillaryApiError);
  return (error as CapillaryApiError).detail;
}

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

  it('reports a 200 reply that is not JSON as a bad response', async () => {
    const detail = await failure(createCapillaryApi({ baseUrl: 'https://x.test', fetch: answer(200, 'OK') }).generateOtp(request));
    expect(detail).toMatchObject({ kind: 'bad-response', httpStatus: 200, problem: 'The reply is not JSON.', body: 'OK' });
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
    expect(detail).toEqual({ kind: 'network', detail: 'The browser is offline.' });
  });
});
