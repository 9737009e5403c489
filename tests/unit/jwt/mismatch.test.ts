import { describe, expect, it } from 'vitest';
import { findMismatches } from '@/lib/model/jwt/mismatch';
import { SEED_DRAFT } from '../../fixtures/capillary';

const header = { idv: ['MOBILE|18767431754'], dev: '1234', org: 'BUKL', alg: 'HS256' };
const draft = SEED_DRAFT;

describe('the mismatch warning', () => {
  it('finds nothing when the token is for the form’s customer, brand in any case', () => {
    expect(findMismatches(header, draft)).toEqual([]);
  });

  it.each([
    ['identifier', { identifierValue: '18767431755' }, 'MOBILE •••••••1754', 'MOBILE •••••••1755'],
    ['identifier', { identifierType: 'EMAIL', identifierValue: 'a@b.co' }, 'MOBILE •••••••1754', 'EMAIL •••@b.co'],
    ['deviceId', { deviceId: '9999' }, '1234', '9999'],
    ['brand', { brand: 'Acme' }, 'BUKL', 'Acme'],
  ] as const)('says when the %s differs, masking identifiers', (field, change, token, form) => {
    expect(findMismatches(header, { ...draft, ...change })).toEqual([{ field, token, form }]);
  });

  it('does not complain about fields the form leaves empty', () => {
    expect(findMismatches(header, { ...draft, identifierValue: '', deviceId: '', brand: '' })).toEqual([]);
  });
});
