// The client against hostile networks and replies: redirects, oversized and dripping bodies, replies echoing secrets.
import { describe, expect, it, vi } from 'vitest';
import { createCapillaryApi, MAX_REPLY_BYTES } from '@/lib/capillary/client';
import type { DeskError } from '@/lib/model/capillary/errors';
import { cut, MAX_KEPT, redact } from '@/lib/model/capillary/redact';
import { SEED_REQUEST, SEED_TOKEN, SUCCESS } from '../../fixtures/capillary';
import { failure } from './failure';

const validate = { ...SEED_REQUEST, otp: '482913' };

const api = (doFetch: (url: string, init: RequestInit) => Promise<Response>, timeoutMs?: number) =>
  createCapillaryApi({ baseUrl: 'https://eu.api.capillarytech.com', fetch: doFetch as typeof fetch, timeoutMs });

/** A body that streams `total` bytes in chunks of `chunk`, counting how many were pulled. */
function streamOf(total: number, chunk = 16 * 1024) {
  const pulled = { bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      const size = Math.min(chunk, total - pulled.bytes);
      pulled.bytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('a %i is never followed and names where it pointed, without its query', async (status) => {
    const fetch = vi.fn(async () => new Response(null, { status, headers: { Location: 'https://collector.example/steal?otp=482913' } }));
    const detail = await failure(api(fetch).validateOtp(validate));
    expect(detail).toEqual({ kind: 'redirect', httpStatus: status, location: 'https://collector.example/steal' });
    expect(fetch).toHaveBeenCalledOnce();
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].redirect).toBe('manual');
  });

  it('reports a browser’s opaque redirect (no status, no Location) as a redirect too', async () => {
    const opaque = Object.assign(new Response(null, { status: 200 }), {});
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    Object.defineProperty(opaque, 'status', { value: 0 });
    const detail = await failure(api(async () => opaque).validateOtp(validate));
    expect(detail).toEqual({ kind: 'redirect', httpStatus: 0, location: '' });
  });
});

describe('reply size', () => {
  it('cancels a reply that declares more than the cap, reading nothing', async () => {
    const { stream, pulled } = streamOf(64 * 1024 * 1024);
    const response = new Response(stream, { status: 200, headers: { 'Content-Length': String(64 * 1024 * 1024) } });
    const detail = await failure(api(async () => response).generateOtp(SEED_REQUEST));
    expect(detail).toEqual({ kind: 'too-large', limitBytes: MAX_REPLY_BYTES });
    expect(pulled.bytes).toBeLessThanOrEqual(2 * 16 * 1024);
  });

  it('stops reading a 64 MB reply without a length at the cap and cancels it', async () => {
    const { stream, pulled } = streamOf(64 * 1024 * 1024);
    const detail = await failure(api(async () => new Response(stream, { status: 200 })).generateOtp(SEED_REQUEST));
    expect(detail).toEqual({ kind: 'too-large', limitBytes: MAX_REPLY_BYTES });
    expect(pulled.bytes).toBeLessThan(MAX_REPLY_BYTES + 3 * 16 * 1024);
    expect(pulled.cancelled).toBe(true);
  });

  it('reads a reply of exactly the cap', async () => {
    const body = JSON.stringify({ ...SUCCESS, padding: '' });
    const padded = JSON.stringify({ ...SUCCESS, padding: 'a'.repeat(MAX_REPLY_BYTES - body.length) });
    expect(padded.length).toBe(MAX_REPLY_BYTES);
    expect(await api(async () => new Response(padded)).generateOtp(SEED_REQUEST)).toMatchObject(SUCCESS);
  });

  it('times out on a reply that drips a byte at a time', async () => {
    const drip = (_url: string, init: RequestInit) => {
      let timer: ReturnType<typeof setInterval>;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"status":'));
          timer = setInterval(() => controller.enqueue(new TextEncoder().encode(' ')), 5);
          init.signal!.addEventListener('abort', () => {
            clearInterval(timer);
            controller.error(init.signal!.reason);
          });
        },
        cancel: () => clearInterval(timer),
      });
      return Promise.resolve(new Response(stream, { status: 200 }));
    };
    expect(await failure(api(drip, 60).generateOtp(SEED_REQUEST))).toEqual({ kind: 'timeout', afterMs: 60 });
  });

  it('turns bytes that are not UTF-8 into replacement characters, not an exception', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x80, 0x41]);
    const detail = await failure(api(async () => new Response(bytes, { status: 200 })).generateOtp(SEED_REQUEST));
    expect(detail).toMatchObject({ kind: 'bad-response', body: '\uFFFD\uFFFD\uFFFDA' });
  });
});

describe('echoed secrets', () => {
  const replies: [string, string | object][] = [
    ['a JSON echo of the OTP', { otpCode: '482913', status: 'weird' }],
    ['an echo of the mobile number', { mobile: '18767431754', error: 'blocked' }],
    ['an HTML block page quoting the OTP and number', '<html><p>Blocked request for 18767431754 with code 482913</p></html>'],
    ['an access token', { accessToken: 'abc.def-ghi', detail: 'x' }],
    ['a bare name=value', 'error: password=hunter22 rejected'],
    ['a JWT anywhere', `see ${SEED_TOKEN}`],
  ];

  it.each(replies)('%s is blanked from a contract-breaking 200', async (_name, reply) => {
    const body = typeof reply === 'string' ? reply : JSON.stringify(reply);
    const detail = (await failure(api(async () => new Response(body, { status: 200 })).validateOtp(validate))) as Extract<
      DeskError,
      { kind: 'bad-response' }
    >;
    for (const secret of ['482913', '18767431754', 'abc.def-ghi', 'hunter22', SEED_TOKEN.slice(0, 40)]) {
      expect(detail.body).not.toContain(secret);
      expect(detail.problem).not.toContain(secret);
    }
  });

  it('blanks what the request carried from Capillary’s own message, and cuts a long one', async () => {
    const message = `Invalid OTP 482913 for P-1 and 18767431754 ${'x'.repeat(60_000)}`;
    const body = JSON.stringify({ status: { success: false, code: 1506, message } });
    const kept = (await failure(api(async () => new Response(body, { status: 400 })).validateOtp(validate))) as Extract<
      DeskError,
      { kind: 'capillary' }
    >;
    expect(kept.message.startsWith('Invalid OTP [sent value] for P-1 and [sent value] xxx')).toBe(true);
    expect(kept.message.length).toBeLessThan(MAX_KEPT + 40);
  });
});

describe('redact', () => {
  it.each([
    ['{"OTP": 482913}', '{"OTP": "[redacted]"}'],
    ['{"client_secret":"s3cr3t"}', '{"client_secret":"[redacted]"}'],
    ['{"Password" : "p"}', '{"Password" : "[redacted]"}'],
    ['apiKey: abc123 and more', 'apiKey: [redacted] and more'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', '[redacted JWT]'],
    ['nothing to hide here', 'nothing to hide here'],
  ])('%s → %s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('blanks sent values in any case, but not values too short to be told from words', () => {
    expect(redact('User@Example.com not found', ['user@example.com'])).toBe('[sent value] not found');
    expect(redact('the cat sat', ['cat'])).toBe('the cat sat');
  });

  it('cuts long text and says how much was left out', () => {
    expect(cut('a'.repeat(MAX_KEPT + 5))).toBe(`${'a'.repeat(MAX_KEPT)}… (5 more characters)`);
  });
});
