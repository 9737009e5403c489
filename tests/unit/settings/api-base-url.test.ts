import { describe, expect, it } from 'vitest';
import { checkApiBaseUrl } from '@/lib/words/settings/api-base-url-words';

describe('the API base URL', () => {
  it.each([
    ['https://eu.api.capillarytech.com', 'https://eu.api.capillarytech.com'],
    ['https://eu.api.capillarytech.com/', 'https://eu.api.capillarytech.com'],
    ['  https://crm.brand.example/capillary/ ', 'https://crm.brand.example/capillary'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
  ])('accepts %j as %j', (input, url) => {
    expect(checkApiBaseUrl(input)).toMatchObject({ ok: true, url });
  });

  it.each([
    ['', 'Enter the API base URL'],
    ['eu.api.capillarytech.com', 'is not a URL'],
    ['http://eu.api.capillarytech.com', 'Use https'],
    ['http://10.0.0.5:8787', 'Use https'],
    ['ftp://files.example', 'must start with https://'],
    ['javascript:alert(1)', 'must start with https://'],
    ['https://user:pw@eu.api.capillarytech.com', 'user name or password'],
    ['https://eu.api.capillarytech.com/?x=1', '?query'],
  ])('refuses %j, saying why', (input, words) => {
    const check = checkApiBaseUrl(input);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toContain(words);
  });
});
