import { describe, expect, it } from 'vitest';
import {
  fieldErrors,
  GenerateOtpRequest,
  GenerateOtpResponse,
  identifierProblem,
  ValidateOtpRequest,
  ValidateOtpResponse,
} from '@/lib/capillary/schemas';

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
    ['MOBILE', '98765 43210', 'no spaces or dashes'],
    ['MOBILE', '987-654-3210', 'no spaces or dashes'],
    ['MOBILE', '++9187654321', 'optional leading +'],
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

const seedValidateReply = {
  status: { success: true, code: 200, message: 'SUCCESS' },
  auth: { token: 'eyJ.a.b', key: 'eyJ.c.d' },
  user: { appRegistered: false, sessionId: null, role: 'USER', userRegisteredForPassword: false },
};

describe('the replies', () => {
  it('reads the seed generate reply', () => {
    expect(GenerateOtpResponse.parse({ status: { success: true, code: 200, message: 'SUCCESS' } }).status.success).toBe(true);
  });

  it('reads the seed validate reply, whose user.sessionId is null', () => {
    expect(ValidateOtpResponse.parse(seedValidateReply).user.sessionId).toBeNull();
  });

  it('keeps fields Capillary may add', () => {
    const reply = ValidateOtpResponse.parse({ ...seedValidateReply, requestId: 'r-1', user: { ...seedValidateReply.user, tier: 'GOLD' } });
    expect(reply).toMatchObject({ requestId: 'r-1', user: { tier: 'GOLD' } });
  });

  it.each([
    ['status.code', { ...seedValidateReply, status: { success: true, message: 'SUCCESS' } }],
    ['auth', { status: seedValidateReply.status, user: seedValidateReply.user }],
    ['auth.key', { ...seedValidateReply, auth: { token: 'eyJ.a.b' } }],
    ['user.role', { ...seedValidateReply, user: { ...seedValidateReply.user, role: undefined } }],
    ['user.appRegistered', { ...seedValidateReply, user: { ...seedValidateReply.user, appRegistered: 'no' } }],
  ])('fails when %s is missing or mistyped', (path, reply) => {
    const result = ValidateOtpResponse.safeParse(reply);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path.join('.')).toContain(path.split('.')[0]);
  });
});
