// Characters that make a value read otherwise than it is (a brand that shows as "Bukl" but is not, an identifier
// whose digits are shown reversed): bidi controls and invisible format characters. Refused wherever a value is typed,
// imported, synced or set by policy.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** The first such character in `text`, named as U+XXXX; null when there is none. */
export function invisibleIn(text: string): string | null {
  const found = INVISIBLE.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
