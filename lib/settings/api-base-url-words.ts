// What the options page says when it refuses an API base URL (the rule: api-base-url.ts).

import { SANDBOX_DOORS } from '@/lib/capillary/clusters';
import type { MessageKey } from '@/lib/i18n/en';
import { t } from '@/lib/i18n/t';
import { type BaseUrlProblem, readApiBaseUrl } from './api-base-url';

export type BaseUrlCheck = { ok: true; url: string; origin: string } | { ok: false; message: string };

const WORDS: Record<BaseUrlProblem, MessageKey> = {
  empty: 'urlEmpty',
  'not-url': 'urlNotUrl',
  credentials: 'urlCredentials',
  query: 'urlQuery',
  // A store package takes no plain http at all, so it does not mention the sandbox.
  'plain-http': SANDBOX_DOORS ? 'urlPlainHttp' : 'urlHttpsOnly',
  scheme: 'urlScheme',
};

export function checkApiBaseUrl(input: string): BaseUrlCheck {
  const read = readApiBaseUrl(input);
  return read.ok ? read : { ok: false, message: t(WORDS[read.problem], input.trim()) };
}
