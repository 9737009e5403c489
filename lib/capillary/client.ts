// The HTTP client for Capillary's MFA OTP calls. Only the background imports it; tests inject `fetch`.
// A POST is never retried here: a second generate would send the customer a second SMS.
import type * as z from 'zod/mini';
import { CapillaryApiError, type DeskError } from './errors';
import { redactBody } from './redact';
import { type GenerateOtpRequest, GenerateOtpResponse, Status, type ValidateOtpRequest, ValidateOtpResponse } from './schemas';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface CapillaryApiOptions {
  /** Cluster base URL, e.g. https://eu.api.capillarytech.com (no trailing path). */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface CapillaryApi {
  /** POST /auth/v1/mfa/otp/generate: Capillary sends the customer an OTP. */
  generateOtp(request: GenerateOtpRequest): Promise<GenerateOtpResponse>;
  /** POST /auth/v1/mfa/otp/validate: checks the OTP; on success returns the token, key and user. */
  validateOtp(request: ValidateOtpRequest): Promise<ValidateOtpResponse>;
}

export function createCapillaryApi({ baseUrl, fetch: doFetch = fetch, timeoutMs = DEFAULT_TIMEOUT_MS }: CapillaryApiOptions): CapillaryApi {
  const base = baseUrl.replace(/\/+$/, '');

  async function post<T>(path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<T> {
    const response = await send(`${base}${path}`, body);
    const text = await readBody(response);
    const fail = (detail: DeskError): never => {
      throw new CapillaryApiError(detail);
    };
    const json = parseJson(text);
    const status = Status.safeParse((json as { status?: unknown } | undefined)?.status);
    if (status.success && (!status.data.success || !response.ok)) {
      fail({ kind: 'capillary', httpStatus: response.status, code: status.data.code, message: status.data.message });
    }
    if (!response.ok) fail({ kind: 'http', httpStatus: response.status });
    const parsed = schema.safeParse(json);
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

  return {
    generateOtp: (request) => post('/auth/v1/mfa/otp/generate', request, GenerateOtpResponse),
    validateOtp: (request) => post('/auth/v1/mfa/otp/validate', request, ValidateOtpResponse),
  };
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
