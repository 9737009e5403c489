import { describe, expect, it } from 'vitest';
import {
  FirstFactorValidatedResponse,
  SessionOpenedResponse,
  StatusResponse,
  TokenRefreshedResponse,
  ValidateOtpResponse,
} from '@/lib/capillary/replies';

const seedValidateReply = {
  status: { success: true, code: 200, message: 'SUCCESS' },
  auth: { token: 'eyJ.a.b', key: 'eyJ.c.d' },
  user: { appRegistered: false, sessionId: null, role: 'USER', userRegisteredForPassword: false },
};

describe('the replies', () => {
  it('reads the seed generate reply', () => {
    expect(StatusResponse.parse({ status: { success: true, code: 200, message: 'SUCCESS' } }).status.success).toBe(true);
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

describe('the replies of the rest of the chain', () => {
  const status = { success: true, code: 200, message: 'SUCCESS' };

  it('reads an opened session (token/generate, mfa/token/generate): the session ID, the key null', () => {
    const reply = SessionOpenedResponse.parse({
      status,
      auth: { token: 'eyJ.a.b', key: null },
      user: { sessionId: 'P-b04c1001', role: 'VIEW', appRegistered: false, userRegisteredForPassword: false },
    });
    expect(reply.user.sessionId).toBe('P-b04c1001');
  });

  it.each([
    ['user.sessionId', { status, auth: { token: 'eyJ.a.b', key: null }, user: { role: 'VIEW' } }],
    ['user.sessionId', { status, auth: { token: 'eyJ.a.b' }, user: { sessionId: '', role: 'VIEW' } }],
    ['auth.token', { status, auth: { key: null }, user: { sessionId: 'P-1', role: 'VIEW' } }],
  ])('refuses an opened session without %s', (path, reply) => {
    const result = SessionOpenedResponse.safeParse(reply);
    expect(result.error!.issues[0].path.join('.')).toBe(path);
  });

  it.each([
    ['a token that is not a JWT', { token: 'opaque-session-token', key: null }, 'auth.token'],
    ['a token with a fourth part', { token: 'eyJ.a.b.c', key: null }, 'auth.token'],
    ['a key that is not a JWT', { token: 'eyJ.a.b', key: 'k e y' }, 'auth.key'],
  ])('refuses %s as a break of the contract', (_what, auth, path) => {
    const result = SessionOpenedResponse.safeParse({ status, auth, user: { sessionId: 'P-1', role: 'VIEW' } });
    expect(result.error!.issues[0].path.join('.')).toBe(path);
  });

  it('reads a first-factor validate whose key is null (web)', () => {
    expect(FirstFactorValidatedResponse.parse({ status, auth: { token: 'eyJ.a.b', key: null }, user: {} }).auth.token).toBe('eyJ.a.b');
  });

  it('reads a refresh with or without a key', () => {
    expect(TokenRefreshedResponse.parse({ status, auth: { token: 'eyJ.a.b' } }).auth.key).toBeUndefined();
    expect(TokenRefreshedResponse.parse({ status, auth: { token: 'eyJ.a.b', key: 'eyJ.c.d' } }).auth.key).toBe('eyJ.c.d');
  });

  it('reads an expire as a status alone', () => {
    expect(StatusResponse.parse({ status }).status.code).toBe(200);
  });
});
