// The HTTP client for Capillary's auth calls. Only the background imports it; tests inject `fetch`.
// A POST is never retried here: a second generate would send the customer a second SMS.
import type * as z from 'zod/mini';
import { CapillaryApiError, type DeskError } from './errors';
import { redactBody } from './redact';
import {
  Customer,
  EndSessionRequest,
  fieldErrors,
  GenerateOtpRequest,
  RefreshTokenRequest,
  StartMfaSessionRequest,
  ValidateOtpRequest,
} from './requests';
import {
  FirstFactorValidatedResponse,
  SessionOpenedResponse,
  Status,
  StatusResponse,
  TokenRefreshedResponse,
  ValidateOtpResponse,
} from './schemas';

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Every call of the login chain (REFERENCE.md, "The whole login chain"), as data: its path, and the schemas of
 * its request and reply. Every call is a POST with a JSON body.
 */
export const ENDPOINTS = {
  /** First factor, open: a first-factor session (a UUID) and a VIEW token. */
  openFirstFactor: { path: '/auth/v1/token/generate', request: Customer, reply: SessionOpenedResponse },
  /** First factor, send: Capillary sends the customer an OTP for the first-factor session. */
  sendFirstFactorOtp: { path: '/auth/v1/otp/generate', request: GenerateOtpRequest, reply: StatusResponse },
  /** First factor, check: the OTP buys the customer's USER token. */
  validateFirstFactorOtp: { path: '/auth/v1/otp/validate', request: ValidateOtpRequest, reply: FirstFactorValidatedResponse },
  /** MFA, open: a USER token buys an MFA session ("P-" + UUID). */
  startMfaSession: { path: '/auth/v1/mfa/token/generate', request: StartMfaSessionRequest, reply: SessionOpenedResponse },
  /** MFA, send (seed): Capillary sends the customer an OTP for the MFA session. */
  generateOtp: { path: '/auth/v1/mfa/otp/generate', request: GenerateOtpRequest, reply: StatusResponse },
  /** MFA, check (seed): the OTP buys the token, key and user. */
  validateOtp: { path: '/auth/v1/mfa/otp/validate', request: ValidateOtpRequest, reply: ValidateOtpResponse },
  /** Refresh: the key buys a new token. */
  refreshToken: { path: '/auth/v1/mfa/token/regenerate', request: RefreshTokenRequest, reply: TokenRefreshedResponse },
  /** End: the token is expired. The expire page's table says POST (its example DELETE); servers accept POST. */
  endSession: { path: '/auth/v1/mfa/token/expire', request: EndSessionRequest, reply: StatusResponse },
} as const;

type Endpoints = typeof ENDPOINTS;
export type EndpointName = keyof Endpoints;

/** One method per endpoint of ENDPOINTS: the request as its schema takes it, the reply as its schema gives it. */
export type CapillaryApi = {
  [K in EndpointName]: (request: z.input<Endpoints[K]['request']>) => Promise<z.output<Endpoints[K]['reply']>>;
};

export interface CapillaryApiOptions {
  /** Cluster base URL, e.g. https://eu.api.capillarytech.com (no trailing path). */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
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
    const response = await send(`${base}${path}`, (body as { data: unknown }).data);
    const text = await readBody(response);
    const json = parseJson(text);
    const status = Status.safeParse((json as { status?: unknown } | undefined)?.status);
    if (status.success && (!status.data.success || !response.ok)) {
      fail({ kind: 'capillary', httpStatus: response.status, code: status.data.code, message: status.data.message });
    }
    if (!response.ok) fail({ kind: 'http', httpStatus: response.status });
    const parsed = replySchema.safeParse(json);
    if (!parsed.success) {
      const problem = json === undefined ? 'The reply is not JSON.' : describeIssues(parsed.error);
      fail({ kind: 'bad-response', httpStatus: response.status, problem, body: redactBody(text) });
    }
    return (parsed as { data: T }).data;
  }

  async function send(url: string, body: unknown): Promise<Response> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      if (signal.aborted) throw new CapillaryApiError({ kind: 'timeout', afterMs: timeoutMs });
      throw new CapillaryApiError({ kind: 'network', detail: networkDetail(error) });
    }
  }

  async function readBody(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      // The body stream shares the request's timeout signal.
      if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new CapillaryApiError({ kind: 'timeout', afterMs: timeoutMs });
      }
      throw new CapillaryApiError({ kind: 'network', detail: networkDetail(error) });
    }
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

function networkDetail(error: unknown): string {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'The browser is offline.';
  return error instanceof Error ? error.message : String(error);
}
