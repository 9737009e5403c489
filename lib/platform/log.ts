// The one way to the console. A log line says what happened in the extension's own words and, of an error, only its
// kind: never its message or any data, which could quote a request. The whole line is then redacted anyway, in an
// order that leaves nothing half-blanked: JWTs and secret-named fields first (as replies are), then digit runs (OTPs,
// phone numbers) and email addresses, which a log line never needs.
import { redact } from '@/lib/model/capillary/redact';

const DIGITS = /\d{4,}/g;
const EMAIL = /[^\s@"'<>,;()]+@[^\s@"'<>,;()]+/g;
const MAX_LINE = 1000;

/** What a line says of an error: a failed call's kind (CapillaryApiError), else the error's name, else its type. */
export function errorKind(error: unknown): string {
  const detail = (error as { detail?: { kind?: unknown } } | null)?.detail;
  if (typeof detail?.kind === 'string') return detail.kind;
  if (error instanceof Error) return error.name;
  return typeof error;
}

/** A whole line, redacted: JWTs and secret-named fields, then digit runs and email addresses; cut to 1,000 characters. */
export function redactLine(text: string): string {
  const clean = redact(text, [], Number.POSITIVE_INFINITY).replace(EMAIL, '[email]').replace(DIGITS, '[digits]');
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE)}…` : clean;
}

const line = (what: string, error: unknown) => redactLine(`MFA Desk: ${what}${error === undefined ? '' : ` (${errorKind(error)})`}`);

export const log = {
  warn: (what: string, error?: unknown) => console.warn(line(what, error)),
  error: (what: string, error?: unknown) => console.error(line(what, error)),
};
