// Personal data is masked wherever it is shown or kept outside the form the agent typed it into.

import type { IdentifierType } from '@/lib/model/capillary/identifier';
import { canonicalIdentifier } from '@/lib/model/capillary/identifier';

const DOT = '•';
/** What a hidden value shows: the same whatever its length, so the mask says nothing about it. */
export const HIDDEN = '•••• (hidden)';

/**
 * An email keeps its first letter (when the local part has more than one) and its domain, with a fixed run of dots so
 * the local part's length stays hidden. Anything else keeps at most its last 4 characters, never more than half.
 */
export function maskIdentifier(type: IdentifierType, value: string): string {
  const v = canonicalIdentifier(type, value);
  if (type === 'EMAIL') {
    const at = v.lastIndexOf('@');
    if (at > 0) return `${at > 1 ? v[0] : ''}${DOT.repeat(3)}${v.slice(at)}`;
  }
  if (v.length <= 4) return DOT.repeat(v.length);
  const shown = Math.min(4, Math.floor(v.length / 2));
  return `${DOT.repeat(Math.min(v.length - shown, 8))}${v.slice(-shown)}`;
}
