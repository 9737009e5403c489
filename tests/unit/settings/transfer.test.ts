import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { checkSettings, exportSettings, importSettings } from '@/lib/words/settings/transfer';

const mine = {
  apiBaseUrl: 'https://us.api.capillarytech.com',
  brand: 'Bukl',
  deviceId: 'desk-7',
  cooldownSeconds: 45,
  idleMinutes: 20,
  brands: [{ brand: 'Bukl', apiBaseUrl: 'https://apac.api.capillarytech.com' }, { brand: 'Nomad' }],
};
const file = (settings: object, extra: object = {}) => JSON.stringify({ kind: 'mfa-desk-settings', version: 3, settings, ...extra });

describe('settings as a file', () => {
  it('refuses a brand, device ID or listed brand with an invisible or direction-changing character, naming it', () => {
    const { fields } = checkSettings({ brand: 'Bu\u202Ekl', deviceId: 'd\u200B1', brands: [{ brand: '\u2066Nomad' }] }, DEFAULT_SETTINGS);
    expect(fields.brand).toContain('(U+202E)');
    expect(fields.deviceId).toContain('(U+200B)');
    expect(fields['brands.0.brand']).toContain('(U+2066)');
  });

  it('takes only a field the given object holds itself, never one it inherits', () => {
    const given = Object.create({ apiBaseUrl: 'https://collector.example', brand: 'Inherited' });
    given.deviceId = 'desk-9';
    const { settings, fields } = checkSettings(given, DEFAULT_SETTINGS);
    expect(fields).toEqual({});
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, deviceId: 'desk-9' });
  });

  it('export then import gives the same settings back, and the file holds nothing else', () => {
    const text = exportSettings(mine);
    expect(JSON.parse(text)).toEqual({ kind: 'mfa-desk-settings', version: 3, settings: mine });
    expect(importSettings(text)).toEqual({ ok: true, settings: mine, ignored: [] });
  });

  it('says what is wrong with each field, in the words the form uses', () => {
    const result = importSettings(file({ apiBaseUrl: 'http://evil.example', cooldownSeconds: -1, brand: 'x'.repeat(300) }));
    expect(result).toEqual({
      ok: false,
      fields: {
        apiBaseUrl: expect.stringContaining('Use https'),
        cooldownSeconds: 'A whole number of seconds from 0 to 600.',
        brand: 'Text of at most 256 characters.',
      },
    });
  });

  it('keeps the current value of a field the file leaves out, and never takes a field that is not a setting', () => {
    const result = importSettings(file({ brand: 'Acme', token: 'eyJ.secret.x', otp: '123456' }), mine);
    expect(result).toEqual({ ok: true, settings: { ...mine, brand: 'Acme' }, ignored: ['token', 'otp'] });
    expect(JSON.stringify(result.ok && result.settings)).not.toMatch(/eyJ|123456/);
  });

  it('imports a file from version 2 (no brand list), keeping the current list', () => {
    const result = importSettings(JSON.stringify({ kind: 'mfa-desk-settings', version: 2, settings: { brand: 'Acme' } }), mine);
    expect(result).toEqual({ ok: true, settings: { ...mine, brand: 'Acme' }, ignored: [] });
  });

  it('checks the brand list entry by entry: a name once in any case, and a URL as the default one is checked', () => {
    const result = importSettings(
      file({
        brands: [
          { brand: ' Bukl ', apiBaseUrl: 'https://apac.api.capillarytech.com/' },
          { brand: 'BUKL' },
          { brand: '  ', apiBaseUrl: 'https://us.api.capillarytech.com' },
          { brand: 'Acme', apiBaseUrl: 'http://acme.example' },
          { brand: 'Nomad', apiBaseUrl: '' },
        ],
      }),
    );
    expect(result).toEqual({
      ok: false,
      fields: {
        'brands.1.brand': '“BUKL” is already on the list.',
        'brands.2.brand': 'Enter the brand’s name, as Capillary spells it.',
        'brands.3.apiBaseUrl': expect.stringContaining('Use https'),
        'brands.4.apiBaseUrl': expect.stringContaining('Enter'),
      },
    });
    const fine = importSettings(
      file({
        brands: [
          { brand: ' Bukl ', apiBaseUrl: 'https://apac.api.capillarytech.com/' },
          { brand: 'Nomad', apiBaseUrl: null },
        ],
      }),
    );
    expect(fine.ok && fine.settings.brands).toEqual([
      { brand: 'Bukl', apiBaseUrl: 'https://apac.api.capillarytech.com' },
      { brand: 'Nomad' },
    ]);
  });

  it('refuses settings storage.sync could not hold (8,192 bytes an item), and more than 100 brands', () => {
    const long = (index: number) => ({ brand: `${'B'.repeat(240)}${index}`, apiBaseUrl: 'https://apac.api.capillarytech.com' });
    const fits = Array.from({ length: 25 }, (_, index) => long(index));
    expect(importSettings(file({ brands: fits })).ok).toBe(true);
    const tooLarge = importSettings(file({ brands: Array.from({ length: 30 }, (_, index) => long(index)) }));
    expect(!tooLarge.ok && tooLarge.fields.brands).toMatch(
      /^Too much to sync: these settings take \d{4} bytes and a synced item holds 8192\./,
    );
    const tooMany = importSettings(file({ brands: Array.from({ length: 101 }, (_, index) => ({ brand: `b${index}` })) }));
    expect(!tooMany.ok && tooMany.fields.brands).toBe('At most 100 brands.');
  });

  it.each([
    ['not JSON', '{oops', 'The file is not JSON.'],
    ['another kind of file', JSON.stringify({ apiBaseUrl: 'x' }), 'not MFA Desk settings'],
    ['a newer version', file(mine, { version: 9 }), 'newer MFA Desk (settings version 9)'],
    ['a version that is not a whole number', file(mine, { version: 2.5 }), 'not MFA Desk settings'],
    ['version 0', file(mine, { version: 0 }), 'not MFA Desk settings'],
    ['a version written as text', file(mine, { version: '3' }), 'not MFA Desk settings'],
    ['settings that are a list', JSON.stringify({ kind: 'mfa-desk-settings', version: 3, settings: [mine] }), 'not MFA Desk settings'],
  ])('refuses %s with a clear message', (_name, text, words) => {
    const result = importSettings(text, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.file).toContain(words);
  });
});
