import { describe, expect, it } from 'vitest';
import { en } from '@/lib/words/en';
import { CATALOGUES, fill, messagesJson } from '@/lib/words/messages';

describe('the catalogues', () => {
  it('name every message as the browser needs: [A-Za-z0-9_], unique without regard to case', () => {
    const keys = Object.keys(en);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
  });

  it('each have every key English has, and the same substitutions', () => {
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      expect(Object.keys(catalogue).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        const numbers = (value: string) => [...value.matchAll(/\$(\d)/g)].map((match) => match[1]).sort();
        expect(numbers(text), `${lang}.${key}`).toEqual(numbers(en[key as keyof typeof en]));
      }
    }
  });

  it('become messages.json with a named placeholder per substitution, which fills back to the same text', () => {
    const json = messagesJson(en);
    expect(json.sentAs).toEqual({ message: 'Sent as $p1$', placeholders: { p1: { content: '$1' } } });
    expect(json.extName).toEqual({ message: 'MFA Desk' });
    expect(fill(en.mismatchLine, ['brand', 'BUKL', 'Acme'])).toBe('brand: token says BUKL, form says Acme');
  });
});
