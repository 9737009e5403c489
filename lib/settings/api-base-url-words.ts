// What the options page says when it refuses an API base URL (the rule: api-base-url.ts).
import { type BaseUrlProblem, readApiBaseUrl } from './api-base-url';

export type BaseUrlCheck = { ok: true; url: string; origin: string } | { ok: false; message: string };

const WORDS: Record<BaseUrlProblem, (text: string) => string> = {
  empty: () => 'Enter the API base URL, or pick a cluster.',
  'not-url': (text) => `“${text}” is not a URL. It looks like https://eu.api.capillarytech.com.`,
  credentials: () => 'The URL must not contain a user name or password.',
  query: () => 'The URL must not have a ?query or #fragment.',
  'plain-http': () => 'Use https: plain http is allowed only for 127.0.0.1 and localhost (the sandbox).',
  scheme: () => 'The URL must start with https://.',
};

export function checkApiBaseUrl(input: string): BaseUrlCheck {
  const read = readApiBaseUrl(input);
  return read.ok ? read : { ok: false, message: WORDS[read.problem](input.trim()) };
}
