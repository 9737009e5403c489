// The HTTP client for Capillary's auth calls. Only the background imports it; tests inject `fetch`.
// A POST is never retried here: a second generate would send the customer a second SMS.
import type * as z from 'zod/mini';
import { CapillaryApiError, type DeskError } from '@/lib/model/capillary/errors';
import { redact } from '@/lib/model/capillary/redact';
import { Status } from '@/lib/model/capillary/schemas';
import { type CapillaryApi, ENDPOINTS, type EndpointName, type Endpoints } from './endpoints';
import { fieldErrors } from './requests';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Longest reply read: Capillary's are under 4 kB, and a larger one is cancelled, never held whole in memory. */
export const MAX_REPLY_BYTES = 64 * 1024;
/** Fields of a request whose values are blanked wherever a reply quotes them. */
const SENT_FIELDS = ['identifierValue', 'otp', 'sessionId', 'authorizedToken', 'token', 'key'] as const;

export interface CapillaryApiOptions {
  /** Cluster base URL, e.g. https://eu.api.capillarytech.com (no trailing path). */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Retry-After as seconds from `now`: a number of seconds or an HTTP date, at most a day; undefined if absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number): number | undefined {
  const text = header?.trim() ?? '';
  if (/^\d+$/.test(text)) return Math.min(Number(text), 86_400);
  const at = text === '' ? Number.NaN : Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, Math.ceil((at - now) / 1000)), 86_400);
}

export function createCapillaryApi({ baseUrl, fetch: doFetch = fetch, timeoutMs = DEFAULT_TIMEOUT_MS }: CapillaryApiOptions): CapillaryApi {
  const base = baseUrl.replace(/\/+$/, '');
  const fail = (detail: DeskError): never => {
    throw new CapillaryApiError(detail);
  };

  async function post<T>(path: string, requestSchema: z.ZodMiniType, request: unknown, replySchema: z.ZodMiniType<T>): Promise<T> {
    // The body is what the schema keeps: exactly the documented fields, trimmed, and nothing sent when one is wrong.
    const body = requestSchema.safeParse(request);
    if (!body.success) fail({ kind: 'invalid-request', fields: fieldErrors(body.error) });
    const sent = (body as { data: Record<string, unknown> }).data;
    const sentValues = SENT_FIELDS.map((field) => sent[field]).filter((value): value is string => typeof value === 'string');
    const response = await send(`${base}${path}`, sent, sentValues);
    const text = await readBody(response);
    // Capillary's OTP rate limit: its own words for it, whatever the body says.
    if (response.status === 429) {
      const wait = retryAfterSeconds(response.headers.get('Retry-After'), Date.now());
      fail({ kind: 'rate-limited', ...(wait !== undefined && { retryAfterSeconds: wait }) });
    }
    const json = parseJson(text);
    const status = Status.safeParse((json as { status?: unknown } | undefined)?.status);
    if (status.success && (!status.data.success || !response.ok)) {
      const message = redact(status.data.message, sentValues);
      fail({ kind: 'capillary', httpStatus: response.status, code: status.data.code, message });
    }
    if (!response.ok) fail({ kind: 'http', httpStatus: response.status });
    const parsed = replySchema.safeParse(json);
    if (!parsed.success) {
      const problem = json === undefined ? '' : redact(describeIssues(parsed.error), sentValues);
      fail({ kind: 'bad-response', httpStatus: response.status, problem, body: redact(text, sentValues) });
    }
    return (parsed as { data: T }).data;
  }

  async function send(url: string, body: unknown, sentValues: string[]): Promise<Response> {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal,
        credentials: 'omit',
        cache: 'no-store',
        // A redirect would re-send the body (identifier, OTP) to wherever it points: never followed.
        redirect: 'manual',
      });
    } catch (error) {
      if (signal.aborted) throw new CapillaryApiError({ kind: 'timeout', afterMs: timeoutMs });
      throw new CapillaryApiError(networkError(error));
    }
    // Browsers give an opaque redirect (status 0, no headers); Node and tests the 3xx itself.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      void response.body?.cancel().catch(() => undefined);
      fail({ kind: 'redirect', httpStatus: response.status, location: whereTo(response.headers.get('Location'), url, sentValues) });
    }
    return response;
  }

  /** The body as text, read as a stream and cancelled past MAX_REPLY_BYTES. */
  async function readBody(response: Response): Promise<string> {
    const declared = Number(response.headers.get('Content-Length'));
    if (declared > MAX_REPLY_BYTES) {
      void response.body?.cancel().catch(() => undefined);
      fail({ kind: 'too-large', limitBytes: MAX_REPLY_BYTES });
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        length += value.byteLength;
        if (length > MAX_REPLY_BYTES) {
          void reader.cancel().catch(() => undefined);
          fail({ kind: 'too-large', limitBytes: MAX_REPLY_BYTES });
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof CapillaryApiError) throw error;
      // The body stream shares the request's timeout signal.
      if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new CapillaryApiError({ kind: 'timeout', afterMs: timeoutMs });
      }
      throw new CapillaryApiError(networkError(error));
    }
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    // Bytes that are not UTF-8 become U+FFFD rather than an exception.
    return new TextDecoder().decode(bytes);
  }

  const api = {} as Record<EndpointName, (request: unknown) => Promise<unknown>>;
  for (const [name, endpoint] of Object.entries(ENDPOINTS) as [EndpointName, Endpoints[EndpointName]][]) {
    api[name] = (request) => post(endpoint.path, endpoint.request, request, endpoint.reply as z.ZodMiniType);
  }
  return api as CapillaryApi;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`)
    .join('; ');
}

/** Where a redirect pointed, as origin and path only: a query could carry what the request sent. */
function whereTo(location: string | null, from: string, sentValues: string[]): string {
  if (!location) return '';
  try {
    const url = new URL(location, from);
    return redact(`${url.origin}${url.pathname}`, sentValues, 200);
  } catch {
    return '';
  }
}

/** A failed fetch: the browser's own words for it, or that it is offline. */
function networkError(error: unknown): DeskError {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'network', detail: '', offline: true };
  return { kind: 'network', detail: redact(error instanceof Error ? error.message : String(error), [], 200) };
}
