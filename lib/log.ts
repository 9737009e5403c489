// The one way to the console. Every line is redacted as replies are (JWTs, secret-named fields), and a log line never
// needs a number or an address, so digit runs (OTPs, phone numbers) and email addresses go too.
import { redact } from '@/lib/capillary/redact';

const DIGITS = /\d{4,}/g;
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+/g;

/** A value as it may appear in a log line: redacted text, and of an error only its name and redacted message. */
export function forLog(value: unknown): string {
  let text: string;
  if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return redact(text.replace(EMAIL, '[email]').replace(DIGITS, '[digits]'), [], 1000);
}

const line = (parts: unknown[]) => `MFA Desk: ${parts.map(forLog).join(' ')}`;

export const log = {
  warn: (...parts: unknown[]) => console.warn(line(parts)),
  error: (...parts: unknown[]) => console.error(line(parts)),
};
