import { describe, expect, it } from 'vitest';
import { cleanJwtInput, decodeJwt } from '@/lib/model/jwt/decode';
import { jwtProblemText } from '@/lib/words/jwt';
import { b64url, jwt, SEED_TOKEN } from '../../fixtures/capillary';

describe('decoding a JWT', () => {
  it('reads the seed token: Capillary’s header claims and payload', () => {
    const decoded = decodeJwt(SEED_TOKEN);
    expect(decoded).toMatchObject({
      ok: true,
      kind: 'jws',
      unsigned: false,
      header: { idv: ['MOBILE|18767431754'], dev: '1234', org: 'BUKL', alg: 'HS256' },
      payload: {
        uid: '1780776',
        iss: 'CAPILLARY TECHNOLOGIES',
        isc: 'false',
        ogc: ['100458|bukl.ind.solution'],
        exp: 1716963457,
        rol: 'USER',
      },
    });
  });

  it.each([
    ['surrounding whitespace and line breaks', `\n  ${SEED_TOKEN.slice(0, 40)}\n${SEED_TOKEN.slice(40)}  \n`],
    ['double quotes', `"${SEED_TOKEN}"`],
    ['single quotes', `'${SEED_TOKEN}'`],
    ['a Bearer prefix', `Bearer ${SEED_TOKEN}`],
    ['a lower-case bearer prefix inside quotes', `"bearer ${SEED_TOKEN}"`],
    ['quotes around a Bearer value', `'Bearer "${SEED_TOKEN}"'`],
  ])('tolerates %s', (_name, input) => {
    expect(decodeJwt(input)).toMatchObject({ ok: true, payload: { uid: '1780776' } });
  });

  it.each([
    ['without padding', (s: string) => s],
    ['with = padding', (s: string) => s + '='.repeat((4 - (s.length % 4)) % 4)],
    ['in standard base64 (+ and /)', (s: string) => s.replace(/-/g, '+').replace(/_/g, '/')],
  ])('accepts parts %s', (_name, variant) => {
    const header = b64url(JSON.stringify({ alg: 'HS256', x: '>>>???' }));
    const payload = b64url(JSON.stringify({ sub: 'ü?>' }));
    expect(decodeJwt(`${variant(header)}.${variant(payload)}.sig`)).toMatchObject({
      ok: true,
      header: { x: '>>>???' },
      payload: { sub: 'ü?>' },
    });
  });

  it('decodes UTF-8 text in claims', () => {
    expect(decodeJwt(jwt({ alg: 'HS256' }, { name: 'Zoë 王小明 🙂' }))).toMatchObject({ ok: true, payload: { name: 'Zoë 王小明 🙂' } });
  });

  it('marks alg none as unsigned', () => {
    expect(decodeJwt(jwt({ alg: 'none' }, { sub: 'x' }, ''))).toMatchObject({ ok: true, unsigned: true });
    expect(decodeJwt(jwt({ alg: 'NONE' }, { sub: 'x' }, ''))).toMatchObject({ ok: true, unsigned: true });
  });

  it('recognises a 5-part JWE and reads only its header', () => {
    const decoded = decodeJwt(`${b64url(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM' }))}.key.iv.ciphertext.tag`);
    expect(decoded).toEqual({ ok: true, kind: 'jwe', header: { alg: 'RSA-OAEP', enc: 'A256GCM' } });
  });

  it.each([
    ['nothing', '   ', 'token', 'Paste a JWT'],
    ['two parts', 'abc.def', 'token', 'this has 2'],
    ['four parts', 'a.b.c.d', 'token', 'this has 4'],
    ['a header with a bad character', `ab$c.${b64url('{}')}.s`, 'header', 'Header: not base64url: unexpected character “$” at position 3'],
    ['a payload with a bad character', `${b64url('{"alg":"HS256"}')}.ab!c.s`, 'payload', 'Payload: not base64url'],
    ['a header of impossible length', `abcde.${b64url('{}')}.s`, 'header', 'Header: not base64url: its length or padding is wrong'],
    ['padding in the middle', `ab=c.${b64url('{}')}.s`, 'header', 'length or padding'],
    ['a header that is not JSON', `${b64url('not json')}.${b64url('{}')}.s`, 'header', 'Header: not JSON'],
    ['a payload that is not JSON', `${b64url('{"alg":"HS256"}')}.${b64url('{"a":')}.s`, 'payload', 'Payload: not JSON'],
    ['a payload that is JSON but not an object', `${b64url('{"alg":"HS256"}')}.${b64url('[1,2]')}.s`, 'payload', 'not an object'],
    [
      'a payload of bytes that are not UTF-8',
      `${b64url('{"alg":"HS256"}')}.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.s`,
      'payload',
      'not UTF-8',
    ],
    ['an empty header', `.${b64url('{}')}.s`, 'header', 'Header: empty'],
  ])('names the failing part for %s', (_name, input, part, message) => {
    const decoded = decodeJwt(input);
    expect(decoded.ok).toBe(false);
    expect(decoded).toMatchObject({ part });
    expect(decoded.ok ? '' : jwtProblemText(decoded)).toContain(message);
  });

  it.each([
    ['HTML', '<img src=x onerror=alert(1)>'],
    ['a script tag', '</script><script>alert(1)</script>'],
    ['a prototype key', '__proto__'],
    ['control characters', '\u0000\u001b[31m\u202e'],
  ])('keeps hostile strings (%s) as plain data', (_name, hostile) => {
    const payload = `{"sub":${JSON.stringify(hostile)},"__proto__":{"polluted":true}}`;
    const decoded = decodeJwt(`${b64url(JSON.stringify({ alg: 'HS256', [hostile]: hostile }))}.${b64url(payload)}.sig`);
    expect(decoded).toMatchObject({ ok: true, header: { [hostile]: hostile }, payload: { sub: hostile } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cleans input the way an agent pastes it', () => {
    expect(cleanJwtInput('  Bearer "a.b.c"\n')).toBe('a.b.c');
  });

  // Found by the fuzz targets (seed 7): String() on this alg threw.
  it('decodes a header whose alg is an object with a toString that is not a function', () => {
    const decoded = decodeJwt('eyJhbGciOnsidG9TdHJpbmciOjB9fQ.e30.');
    expect(decoded).toMatchObject({ ok: true, unsigned: false });
  });
});
