import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { exportSettings, importSettings } from '@/lib/settings/transfer';

const mine = { apiBaseUrl: 'https://us.api.capillarytech.com', brand: 'Bukl', deviceId: 'desk-7', cooldownSeconds: 45 };
const file = (settings: object, extra: object = {}) => JSON.stringify({ kind: 'mfa-desk-settings', version: 2, settings, ...extra });

describe('settings as a file', () => {
  it('export then import gives the same settings back, and the file holds nothing else', () => {
    const text = exportSettings(mine);
    expect(JSON.parse(text)).toEqual({ kind: 'mfa-desk-settings', version: 2, settings: mine });
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

  it.each([
    ['not JSON', '{oops', 'The file is not JSON.'],
    ['another kind of file', JSON.stringify({ apiBaseUrl: 'x' }), 'not MFA Desk settings'],
    ['a newer version', file(mine, { version: 9 }), 'newer MFA Desk (settings version 9)'],
  ])('refuses %s with a clear message', (_name, text, words) => {
    const result = importSettings(text, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.file).toContain(words);
  });
});
