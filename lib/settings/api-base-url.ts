// Which API base URLs the extension will call: https anywhere, plain http only to this machine (the sandbox).
import { LOOPBACK } from '@/lib/capillary/clusters';

export type BaseUrlCheck = { ok: true; url: string; origin: string } | { ok: false; message: string };

export function checkApiBaseUrl(input: string): BaseUrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter the API base URL, or pick a cluster.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `“${text}” is not a URL. It looks like https://eu.api.capillarytech.com.` };
  }
  if (url.username || url.password) return { ok: false, message: 'The URL must not contain a user name or password.' };
  if (url.search || url.hash) return { ok: false, message: 'The URL must not have a ?query or #fragment.' };
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    return { ok: false, message: 'Use https: plain http is allowed only for 127.0.0.1 or localhost (the sandbox).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The URL must start with https://.' };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
}
