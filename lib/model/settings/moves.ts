// Which brands' calls a change of settings sends to another host: what the options page asks the agent to confirm
// before Save (an imported file, or a typo, could send a brand's identifiers and OTPs somewhere new).
import { apiBaseUrlFor, brandKey, type Settings } from './settings';

/** One brand (or, with `brand` null, every brand not on the list) whose calls would go to another host. */
export interface HostMove {
  brand: string | null;
  from: string;
  to: string;
}

const hostOf = (url: string) => new URL(url).host;

export function hostMoves(before: Settings, after: Settings): HostMove[] {
  const moves: HostMove[] = [];
  if (hostOf(before.apiBaseUrl) !== hostOf(after.apiBaseUrl)) {
    moves.push({ brand: null, from: hostOf(before.apiBaseUrl), to: hostOf(after.apiBaseUrl) });
  }
  const brands = new Map([...before.brands, ...after.brands].map((entry) => [brandKey(entry.brand), entry.brand]));
  for (const brand of brands.values()) {
    const from = hostOf(apiBaseUrlFor(before, brand));
    const to = hostOf(apiBaseUrlFor(after, brand));
    if (from !== to) moves.push({ brand, from, to });
  }
  return moves;
}
