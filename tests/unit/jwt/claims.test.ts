import { describe, expect, it } from 'vitest';
import { explainClaims } from '@/lib/words/claims';

const explain = (claims: Record<string, unknown>, showPersonal = false) => explainClaims(claims, { showPersonal });

describe('the claim dictionary', () => {
  it.each([
    ['idv', ['MOBILE|18767431754'], 'MOBILE|•••••••1754', 'Customer identifier: MOBILE •••••••1754'],
    ['idv', ['EMAIL|asha@example.com'], 'EMAIL|a•••@example.com', 'EMAIL a•••@example.com'],
    ['dev', '1234', '1234', 'Device ID'],
    ['org', 'BUKL', 'BUKL', 'Brand (org)'],
    ['ogc', ['100458|bukl.ind.solution'], '["100458|bukl.ind.solution"]', 'org ID 100458, name bukl.ind.solution'],
    ['uid', '1780776', '1780776', 'Capillary user ID'],
    ['iss', 'CAPILLARY TECHNOLOGIES', 'CAPILLARY TECHNOLOGIES', 'Issuer'],
    ['isc', 'false', 'false', 'Undocumented'],
    ['rol', 'VIEW', 'VIEW', 'session token'],
    ['rol', 'USER', 'USER', 'access token'],
    ['rol', 'AUTH', 'AUTH', 'refresh'],
    ['rol', 'MFA_PENDING', 'MFA_PENDING', 'MFA is still to be passed'],
    ['rol', 'ADMIN', 'ADMIN', 'not one Capillary documents'],
    ['mfa', true, 'true', 'after the customer passed MFA'],
    ['alg', 'HS256', 'HS256', 'Signed with HS256'],
    ['alg', 'none', 'none', 'unsigned'],
    ['sub', 'abc', 'abc', 'Subject'],
    ['aud', ['a', 'b'], '["a","b"]', 'Audience'],
    ['jti', 'x1', 'x1', 'Token ID'],
    ['color', 'blue', 'blue', 'Not a claim MFA Desk knows'],
  ])('explains %s = %j', (name, value, shown, meaning) => {
    const [claim] = explain({ [name]: value });
    expect(claim.value).toBe(shown);
    expect(claim.meaning).toContain(meaning);
  });

  it.each([
    ['exp', 'Expires 2024-05-29T06:17:37Z'],
    ['iat', 'Issued 2024-05-29T06:17:37Z'],
    ['nbf', 'Not valid before 2024-05-29T06:17:37Z'],
  ])('gives %s as ISO 8601 UTC, local time and an instant to count down to', (name, meaning) => {
    const [claim] = explain({ [name]: 1716963457 });
    expect(claim.meaning).toContain(meaning);
    expect(claim.meaning).toContain('local');
    expect(claim.at).toBe(1716963457000);
  });

  it('says a time claim that is not a number is not a valid time', () => {
    const [claim] = explain({ exp: 'tomorrow' });
    expect(claim.value).toBe('tomorrow');
    expect(claim.at).toBeUndefined();
    expect(claim.meaning).toContain('not a valid time');
  });

  it('shows personal data only when asked', () => {
    expect(explain({ idv: ['MOBILE|18767431754'] }, true)[0].value).toBe('MOBILE|18767431754');
  });

  it('lists every claim, in order', () => {
    expect(explain({ b: 1, a: 2, exp: 3 }).map((claim) => claim.name)).toEqual(['b', 'a', 'exp']);
  });

  // Both found by the fuzz targets (tests/fuzz): each crashed the panel on a pasted token.
  it('explains claims named like Object’s own properties as unknown ones', () => {
    const claims = explain(JSON.parse('{"__proto__":"x","constructor":"y","rol":"toString"}'));
    expect(claims.map((claim) => typeof claim.meaning)).toEqual(['string', 'string', 'string']);
    expect(claims[0].meaning).toBe('Not a claim MFA Desk knows.');
    expect(claims[2].meaning).toContain('not one Capillary documents');
  });

  it('says a time beyond any date is not valid instead of failing', () => {
    expect(explain({ exp: 1e308 })[0]).toEqual({ name: 'exp', value: '1e+308', meaning: expect.stringContaining('not a valid time') });
  });

  it('writes a hostile claim out no deeper than 20 levels and no longer than 2,000 characters, without throwing', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}1${']'.repeat(5000)}`);
    const [nest] = explainClaims({ nest: deep });
    expect(nest.value).toBe(`${'['.repeat(20)}…${']'.repeat(20)}`);
    const [wide] = explainClaims({ wide: Array.from({ length: 100_000 }, (_, i) => ({ i })) });
    expect(wide.value.length).toBeLessThan(2100);
    expect(wide.value).toContain('…');
  });

  it('explains at most 50 entries of idv or ogc, and cuts what it writes', () => {
    const [idv, ogc] = explainClaims({
      idv: Array.from({ length: 10_000 }, (_, i) => `MOBILE|9${String(i).padStart(10, '0')}`),
      ogc: Array.from({ length: 10_000 }, (_, i) => `${i}|org.${'x'.repeat(100)}`),
    });
    expect(idv.value.split(', ')).toHaveLength(50);
    expect(ogc.meaning.length).toBeLessThan(2300);
  });

  it('shows at most 2,000 characters of a value, saying how many more there are', () => {
    expect(explain({ pad: 'x'.repeat(1_000_000) })[0].value).toBe(`${'x'.repeat(2000)}… (998000 more characters)`);
  });

  it('explains idv and ogc entries that are objects with a toString that is not a function', () => {
    const claims = explain(JSON.parse('{"idv":[{"toString":0}],"ogc":[{"toString":0}]}'));
    expect(claims.map((claim) => claim.meaning)).toEqual([expect.stringContaining('Customer identifier'), expect.stringContaining('Orgs')]);
  });
});
