// Which API base URLs the extension will call: https anywhere, plain http only to this machine (the sandbox).
// The rule is here; the words for each refusal, which only the options page shows, are in api-base-url-words.ts.
import { LOOPBACK } from '@/lib/model/capillary/clusters';

/** Why a URL is refused. */
export type BaseUrlProblem = 'empty' | 'not-url' | 'credentials' | 'query' | 'plain-http' | 'scheme';

export type BaseUrlRead = { ok: true; url: string; origin: string } | { ok: false; problem: BaseUrlProblem };

export function readApiBaseUrl(input: string): BaseUrlRead {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not-url' };
  }
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  if (url.search || url.hash) return { ok: false, problem: 'query' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, problem: 'plain-http' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
}
