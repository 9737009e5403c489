import { describe, expect, it } from 'vitest';
import { GenerateOtpRequest, ValidateOtpRequest } from '@/lib/capillary/requests';
import { canonicalIdentifier, canonicalOtp, identifierKey } from '@/lib/model/capillary/identifier';
import { cooldownKey, sameCustomer } from '@/lib/model/desk/customer';
import { maskIdentifier } from '@/lib/model/format/mask';
import { findMismatches } from '@/lib/model/jwt/mismatch';
import { SEED_CUSTOMER, SEED_DRAFT, SEED_REQUEST } from '../../fixtures/capillary';

describe('identifiers as agents paste them', () => {
  it.each([
    ['+91 98765-43210', '919876543210'],
    ['(876) 743-1754', '18767431754'],
    ['+1 (876) 743-1754', '18767431754'],
    ['0091 98765 43210', '919876543210'],
    ['18767431754', '18767431754'],
    [' 1.876.743.1754 ', '18767431754'],
    ['98765 ABCDE', '98765 ABCDE'],
  ])('MOBILE %j is sent as %j', (pasted, sent) => {
    expect(canonicalIdentifier('MOBILE', pasted)).toBe(sent);
  });

  it('trims an email and compares it without regard to case, but sends it as typed', () => {
    expect(canonicalIdentifier('EMAIL', '  USER@Example.com ')).toBe('USER@Example.com');
    expect(identifierKey('EMAIL', 'USER@Example.com')).toBe(identifierKey('EMAIL', 'user@example.com'));
    expect(identifierKey('USERNAME', 'Asha')).not.toBe(identifierKey('USERNAME', 'asha'));
  });

  it('takes an OTP read out in groups', () => {
    expect(canonicalOtp('123 456')).toBe('123456');
    expect(canonicalOtp('123-456')).toBe('123456');
  });

  it('is what requests send', () => {
    expect(GenerateOtpRequest.parse({ ...SEED_REQUEST, identifierValue: '+1 (876) 743-1754' }).identifierValue).toBe('18767431754');
    expect(ValidateOtpRequest.parse({ ...SEED_REQUEST, otp: ' 123 456 ' }).otp).toBe('123456');
  });

  it('is what masks, cooldowns and comparisons use', () => {
    const pasted = { ...SEED_CUSTOMER, identifierValue: '+1 876-743-1754' };
    expect(maskIdentifier('MOBILE', pasted.identifierValue)).toBe('•••••••1754');
    expect(cooldownKey('MOBILE', pasted.identifierValue)).toBe(cooldownKey('MOBILE', '18767431754'));
    expect(sameCustomer(pasted, SEED_CUSTOMER)).toBe(true);
    expect(findMismatches({ idv: ['MOBILE|18767431754'] }, { ...SEED_DRAFT, identifierValue: '(876) 743-1754' })).toEqual([]);
    const email = { ...SEED_DRAFT, identifierType: 'EMAIL' as const, identifierValue: 'USER@Example.com' };
    expect(findMismatches({ idv: ['EMAIL|user@example.com'] }, email)).toEqual([]);
    expect(findMismatches({ idv: ['EMAIL|other@example.com'] }, email)).toHaveLength(1);
  });
});
