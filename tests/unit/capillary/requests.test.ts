import { describe, expect, it } from 'vitest';
import {
  Customer,
  EndSessionRequest,
  fieldErrors,
  GenerateOtpRequest,
  identifierProblem,
  RefreshTokenRequest,
  StartMfaSessionRequest,
  ValidateOtpRequest,
} from '@/lib/capillary/requests';
import { SEED_CUSTOMER, SEED_TOKEN } from '../../fixtures/capillary';

const request = { identifierType: 'MOBILE', identifierValue: '18767431754', deviceId: '1234', brand: 'Bukl', sessionId: 'P-b04c1001' };

describe('identifier values', () => {
  it.each([
    ['MOBILE', '18767431754'],
    ['MOBILE', '+918767431754'],
    ['EMAIL', 'asha.k@example.co.in'],
    ['USERNAME', 'asha_k'],
    ['EXTERNALID', 'EXT-00042'],
  ] as const)('accepts %s %s', (type, value) => {
    expect(identifierProblem(type, value)).toBeNull();
  });

  it.each([
    ['MOBILE', '', 'required'],
    ['MOBILE', '98765 ABCDE', 'with its country code'],
    ['MOBILE', '9876543210 ext 5', 'with its country code'],
    ['MOBILE', '(12) 34', '6 to 15 digits'],
    ['MOBILE', '12345', '6 to 15 digits'],
    ['MOBILE', '1234567890123456', '6 to 15 digits'],
    ['EMAIL', 'asha.example.com', 'name@example.com'],
    ['EMAIL', 'asha@', 'name@example.com'],
    ['USERNAME', '   ', 'required'],
    ['EXTERNALID', 'x'.repeat(257), 'longer than 256'],
  ] as const)('refuses %s %j with a message saying why', (type, value, words) => {
    expect(identifierProblem(type, value)).toContain(words);
  });
});

describe('the generate request', () => {
  it.each([
    ['brand', { brand: 'Bu\u202Ekl' }, 'Brand holds an invisible or direction-changing character (U+202E)'],
    ['deviceId', { deviceId: '12\u200B34' }, 'Device ID holds an invisible or direction-changing character (U+200B)'],
    [
      'identifierValue',
      { identifierType: 'USERNAME', identifierValue: 'asha\u2066_k' },
      'holds an invisible or direction-changing character (U+2066)',
    ],
  ])('refuses %s with an invisible or bidi character, naming it', (field, change, words) => {
    const parsed = GenerateOtpRequest.safeParse({ ...request, ...change });
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!)[field]).toContain(words);
  });

  it('refuses a mobile number pasted with a direction mark, naming it', () => {
    const parsed = GenerateOtpRequest.safeParse({ ...request, identifierValue: '\u200E+1 876 743 1754' });
    expect(fieldErrors(parsed.error!).identifierValue).toContain('(U+200E)');
  });

  it('takes the seed example as it is', () => {
    expect(GenerateOtpRequest.parse(request)).toEqual(request);
  });

  it('trims what an agent pasted', () => {
    expect(GenerateOtpRequest.parse({ ...request, sessionId: ' P-b04c1001\n' }).sessionId).toBe('P-b04c1001');
  });

  it.each(['identifierType', 'identifierValue', 'deviceId', 'brand', 'sessionId'])('requires %s', (field) => {
    const result = GenerateOtpRequest.safeParse({ ...request, [field]: undefined });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!))).toContain(field);
  });

  it('refuses an identifier type Capillary does not know', () => {
    const result = GenerateOtpRequest.safeParse({ ...request, identifierType: 'PHONE' });
    expect(fieldErrors(result.error!).identifierType).toContain('MOBILE, EMAIL, USERNAME or EXTERNALID');
  });

  it('checks the value against its type', () => {
    const result = GenerateOtpRequest.safeParse({ ...request, identifierType: 'EMAIL' });
    expect(fieldErrors(result.error!).identifierValue).toContain('email address');
  });
});

describe('the validate request', () => {
  it.each(['999999', '1234', ' 123456 '])('accepts the OTP %j', (otp) => {
    expect(ValidateOtpRequest.parse({ ...request, otp }).otp).toBe(otp.trim());
  });

  it.each([
    ['', 'required'],
    ['12a456', 'digits'],
    ['123', 'digits'],
  ])('refuses the OTP %j', (otp, words) => {
    expect(fieldErrors(ValidateOtpRequest.safeParse({ ...request, otp }).error!).otp).toContain(words);
  });
});

describe('the requests of the rest of the chain', () => {
  it.each([
    ['token/generate', Customer, {}],
    ['mfa/token/generate', StartMfaSessionRequest, { authorizedToken: SEED_TOKEN }],
    ['mfa/token/regenerate', RefreshTokenRequest, { key: SEED_TOKEN }],
    ['mfa/token/expire', EndSessionRequest, { token: SEED_TOKEN }],
  ] as const)('%s keeps exactly the documented fields', (_path, schema, extra) => {
    const sent = schema.parse({ ...SEED_CUSTOMER, ...extra, sessionId: 'P-1', otp: '123456', echo: 'x' });
    expect(sent).toEqual({ ...SEED_CUSTOMER, ...extra });
  });

  it.each([
    ['', 'Authorized token is required'],
    ['not a token', 'three parts separated by dots'],
    ['eyJ.a', 'three parts separated by dots'],
    [`${'a'.repeat(9000)}.b.c`, 'longer than 8192'],
  ])('refuses the authorized token %j', (authorizedToken, words) => {
    const result = StartMfaSessionRequest.safeParse({ ...SEED_CUSTOMER, authorizedToken });
    expect(fieldErrors(result.error!).authorizedToken).toContain(words);
  });

  it('trims a pasted token', () => {
    expect(StartMfaSessionRequest.parse({ ...SEED_CUSTOMER, authorizedToken: ` ${SEED_TOKEN}\n` }).authorizedToken).toBe(SEED_TOKEN);
  });

  it('checks the identifier against its type in every request', () => {
    const result = EndSessionRequest.safeParse({ ...SEED_CUSTOMER, identifierValue: '98765 ABCDE', token: SEED_TOKEN });
    expect(fieldErrors(result.error!).identifierValue).toContain('with its country code');
  });
});
