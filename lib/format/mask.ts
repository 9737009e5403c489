// Personal data is masked wherever it is shown or kept outside the form the agent typed it into.
import type { IdentifierType } from '@/lib/capillary/schemas';

const DOT = '•';

/** Keeps the last 4 characters of a number or ID, and the first letter and domain of an email. */
export function maskIdentifier(type: IdentifierType, value: string): string {
  const v = value.trim();
  if (type === 'EMAIL') {
    const at = v.lastIndexOf('@');
    if (at > 0) return `${v[0]}${DOT.repeat(Math.max(at - 1, 2))}${v.slice(at)}`;
  }
  if (v.length <= 4) return DOT.repeat(v.length);
  return `${DOT.repeat(Math.min(v.length - 4, 8))}${v.slice(-4)}`;
}
