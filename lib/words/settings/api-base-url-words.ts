// What the options page says when it refuses an API base URL (the rule: api-base-url.ts).

import { SANDBOX_DOORS } from '@/lib/model/capillary/clusters';
import { type BaseUrlProblem, readApiBaseUrl } from '@/lib/model/settings/api-base-url';
import type { MessageKey } from '@/lib/words/en';
import { t } from '@/lib/words/t';

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
