import { describe, expect, it } from 'vitest';
import { effectiveSettings, readManaged } from '@/lib/model/settings/managed';
import { apiBaseUrlFor, DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { policyProblem } from '@/lib/words/settings/policy-words';

const APAC = 'https://apac.api.capillarytech.com';

describe('the organisation’s policy (storage.managed)', () => {
  it('keeps the valid values of every policy key, in their written form', () => {
    expect(
      readManaged({
        apiBaseUrl: 'https://eu.api.capillarytech.com/',
        brand: 'Bukl',
        deviceId: 'store-12',
        cooldownSeconds: 60,
        lockSettings: true,
        brands: [{ brand: 'Bukl', apiBaseUrl: `${APAC}/` }, { brand: 'Nomad' }],
        somethingElse: 'ignored',
      }),
    ).toEqual({
      values: {
        apiBaseUrl: 'https://eu.api.capillarytech.com',
        brand: 'Bukl',
        deviceId: 'store-12',
        cooldownSeconds: 60,
        brands: [{ brand: 'Bukl', apiBaseUrl: APAC }, { brand: 'Nomad' }],
      },
      locked: true,
      invalid: [],
    });
  });

  it('leaves out each invalid brand entry alone, and a brand listed twice, reporting them', () => {
    const managed = readManaged({
      brands: [{ brand: 'Bukl', apiBaseUrl: APAC }, { brand: 'Acme', apiBaseUrl: 'http://acme.example' }, { brand: 'BUKL' }, 'Nomad'],
    });
    expect(managed.values.brands).toEqual([{ brand: 'Bukl', apiBaseUrl: APAC }]);
    expect(managed.invalid.map((invalid) => invalid.key)).toEqual(['brands.1', 'brands.2', 'brands.3']);
    expect(managed.invalid.map(policyProblem)).toEqual([
      expect.stringMatching(/^Brand 2 \(\{"brand":"Acme","apiBaseUrl":"http:\/\/acme.example"\}\) is not used: Use https/),
      'Brand 3 ({"brand":"BUKL"}) is not used: the brand is listed twice.',
      expect.stringContaining('Brand 4 ("Nomad") is not used: Each entry is {"brand"'),
    ]);
  });

  it('names each invalid value and why, in the words the form uses', () => {
    const managed = readManaged({ apiBaseUrl: 'ftp://x.example', cooldownSeconds: 'soon', lockSettings: 1, brands: {} });
    expect(managed.values).toEqual({});
    expect(effectiveSettings(DEFAULT_SETTINGS, managed)).toEqual(DEFAULT_SETTINGS);
    expect(managed.locked).toBe(false);
    expect(managed.invalid.map(policyProblem)).toEqual([
      expect.stringMatching(/^API base URL \("ftp:\/\/x.example"\) is not used: /),
      'Send OTP cooldown ("soon") is not used: A whole number of seconds from 0 to 600.',
      'brand list ({}) is not used: Not a list of brands.',
      'lockSettings (1) is not used: it must be true or false.',
    ]);
  });

  it('never shows the user name or password of a URL it does not use', () => {
    const managed = readManaged({
      apiBaseUrl: 'https://it-admin:hunter2@proxy.example',
      brands: [{ brand: 'Acme', apiBaseUrl: 'https://svc:s3cret@acme.example/api' }],
    });
    const lines = managed.invalid.map(policyProblem);
    expect(lines).toEqual([
      expect.stringContaining('API base URL ("https://•••@proxy.example") is not used: The URL must not contain a user name or password.'),
      expect.stringContaining('Brand 1 ({"brand":"Acme","apiBaseUrl":"https://•••@acme.example/api"}) is not used'),
    ]);
    for (const line of lines) expect(line).not.toMatch(/hunter2|it-admin|s3cret|svc:/);
  });

  it('is no policy at all when it is not an object', () => {
    for (const junk of [undefined, null, 'x', [1]]) expect(readManaged(junk)).toEqual({ values: {}, locked: false, invalid: [] });
  });

  it('wins field by field over the agent’s own, brand list included', () => {
    const own = { ...DEFAULT_SETTINGS, brand: 'Mine', brands: [{ brand: 'Bukl', apiBaseUrl: 'https://us.api.capillarytech.com' }] };
    const settings = effectiveSettings(own, readManaged({ brands: [{ brand: 'Bukl', apiBaseUrl: APAC }] }));
    expect(settings.brand).toBe('Mine');
    expect(apiBaseUrlFor(settings, 'bukl')).toBe(APAC);
    expect(apiBaseUrlFor(settings, 'Other')).toBe(DEFAULT_SETTINGS.apiBaseUrl);
  });

  it('does not use a policy value holding an invisible or direction-changing character, and says which', () => {
    const managed = readManaged({
      brand: 'Bukl\u200F',
      deviceId: 'store-12',
      brands: [{ brand: '\u2066Nomad', apiBaseUrl: 'https://eu.api.capillarytech.com' }],
    });
    expect(managed.values).toEqual({ deviceId: 'store-12', brands: [] });
    expect(managed.invalid.map((entry) => entry.key)).toEqual(['brand', 'brands.0']);
  });
});
