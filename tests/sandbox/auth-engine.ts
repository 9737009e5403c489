// Capillary's auth engine as the sandbox imitates it: the whole login chain of REFERENCE.md ("The whole login
// chain", "Request and reply shapes of the chain"), with its checks in Capillary's order and its status codes.
// Sessions, OTPs, keys and expired tokens live in memory; OTPs are "sent" by printing them, as an SMS gateway would.
import { randomInt, randomUUID } from 'node:crypto';
import { type Claims, type Customer, headerNames, mintFirstFactorToken, mintKey, mintMfaToken, mintViewToken, verifyJwt } from './tokens';

const SESSION_MS = 15 * 60 * 1000;
const MAX_ATTEMPTS = 5;
const TYPES = ['MOBILE', 'EMAIL', 'USERNAME', 'EXTERNALID'];
const CUSTOMER_FIELDS = ['identifierType', 'identifierValue', 'deviceId', 'brand'];

/** Which factor a session or an OTP belongs to. */
export type Step = 'first factor' | 'MFA';

export interface OtpSession extends Customer {
  id: string;
  step: Step;
  createdAt: number;
  otp: string | null;
  attempts: number;
}

export interface SentOtp {
  step: Step;
  sessionId: string;
  to: string;
  brand: string;
  otp: string;
  at: number;
}

export type Reply = { http: number; body: unknown };
type Body = Record<string, unknown>;

const ok = (extra: object = {}): Reply => ({ http: 200, body: { status: { success: true, code: 200, message: 'SUCCESS' }, ...extra } });
export const fail = (code: number, message: string, http = 400): Reply => ({ http, body: { status: { success: false, code, message } } });
const isFailure = (value: unknown): value is Reply => typeof value === 'object' && value !== null && 'http' in value;
const seconds = () => Math.floor(Date.now() / 1000);

export function createAuthEngine(log: (line: string) => void) {
  const sessions = new Map<string, OtpSession>();
  const outbox: SentOtp[] = [];
  /** Keys that may still refresh, each with the token it last gave: expiring that token retires the key. */
  const liveKeys = new Map<string, string>();
  const expiredTokens = new Set<string>();

  function openSession(customer: Customer, step: Step): string {
    const id = step === 'MFA' ? `P-${randomUUID()}` : randomUUID();
    const { identifierType, identifierValue, deviceId, brand } = customer;
    sessions.set(id, { identifierType, identifierValue, deviceId, brand, id, step, createdAt: Date.now(), otp: null, attempts: 0 });
    log(`[sandbox] ${step} session ${id} opened for ${identifierType} ${identifierValue}, device ${deviceId}, brand ${brand}`);
    return id;
  }

  /** 1519 for a missing field (an OTP may be a number, as in the seed's example), 1546 for an unknown type. */
  function checkFields(body: Body, fields: string[]): Reply | null {
    const missing = fields.filter(
      (field) => !(typeof body[field] === 'string' && body[field] !== '') && !(field === 'otp' && typeof body.otp === 'number'),
    );
    if (missing.length > 0) return fail(1519, `Invalid details: ${missing.join(', ')}`);
    if (!TYPES.includes(body.identifierType as string)) return fail(1546, 'Invalid identifierType');
    return null;
  }

  function checkSameCustomer(expected: Customer, body: Body): Reply | null {
    if (expected.identifierType !== body.identifierType || expected.identifierValue !== body.identifierValue) {
      return fail(1541, 'Identifier does not match the session');
    }
    if (expected.deviceId !== body.deviceId) return fail(1508, 'Device does not match the session');
    if (expected.brand.toUpperCase() !== String(body.brand).toUpperCase()) return fail(1509, 'Brand does not match the session');
    return null;
  }

  function checkTokenNames(claims: Claims, body: Body): Reply | null {
    const differs = headerNames(claims, body as unknown as Customer);
    if (differs === 'identifier') return fail(1541, 'Identifier does not match the token');
    if (differs === 'device') return fail(1508, 'Device does not match the token');
    if (differs === 'brand') return fail(1509, 'Brand does not match the token');
    return null;
  }

  /** The checks both OTP calls of a step make, in Capillary's order; returns the session or the failure. */
  function checkSession(body: Body, step: Step, extra: string[] = []): OtpSession | Reply {
    const bad = checkFields(body, [...CUSTOMER_FIELDS, 'sessionId', ...extra]);
    if (bad) return bad;
    const session = sessions.get(body.sessionId as string);
    if (!session || session.step !== step || Date.now() - session.createdAt > SESSION_MS) return fail(1505, 'Invalid session', 401);
    return checkSameCustomer(session, body) ?? session;
  }

  const generateOtp = (step: Step) => (body: Body) => {
    const session = checkSession(body, step);
    if (isFailure(session)) return session;
    session.otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
    session.attempts = 0;
    const sent = {
      step,
      sessionId: session.id,
      to: `${session.identifierType} ${session.identifierValue}`,
      brand: session.brand,
      otp: session.otp,
      at: Date.now(),
    };
    outbox.unshift(sent);
    outbox.length = Math.min(outbox.length, 20);
    log(
      `[sandbox SMS] to ${sent.to} (${session.brand}): your ${session.brand} ${step === 'MFA' ? 'verification' : 'login'} code is ${session.otp}`,
    );
    return ok();
  };

  const validateOtp = (step: Step, issue: (session: OtpSession) => Reply) => (body: Body) => {
    const session = checkSession(body, step, ['otp']);
    if (isFailure(session)) return session;
    if (session.attempts >= MAX_ATTEMPTS) return fail(1518, 'Maximum OTP retries reached');
    if (!session.otp) return fail(1537, 'OTP not generated');
    if (String(body.otp) !== session.otp) {
      session.attempts += 1;
      if (session.attempts >= MAX_ATTEMPTS) return fail(1518, 'Maximum OTP retries reached');
      return fail(1506, 'Invalid OTP');
    }
    session.otp = null;
    return issue(session);
  };

  /** A session opened: its VIEW token, and the session ID in `user`. */
  const opened = (customer: Customer, sessionId: string): Reply =>
    ok({
      auth: { token: mintViewToken(customer, seconds()), key: null },
      user: { appRegistered: false, sessionId, role: 'VIEW', userRegisteredForPassword: false },
    });

  function openFirstFactor(body: Body): Reply {
    const bad = checkFields(body, CUSTOMER_FIELDS);
    if (bad) return bad;
    return opened(body as unknown as Customer, openSession(body as unknown as Customer, 'first factor'));
  }

  const validateFirstFactor = validateOtp('first factor', (session) =>
    ok({
      auth: { token: mintFirstFactorToken(session, seconds()), key: mintKey(session, seconds(), false) },
      user: { appRegistered: false, sessionId: null, role: 'USER', userRegisteredForPassword: false },
    }),
  );

  /** `mfa/token/generate`: only a USER token this engine issued, unexpired and for this customer, opens a session. */
  function startMfaSession(body: Body): Reply {
    const bad = checkFields(body, [...CUSTOMER_FIELDS, 'authorizedToken']);
    if (bad) return bad;
    const token = body.authorizedToken as string;
    const claims = verifyJwt(token);
    if (claims?.payload.rol !== 'USER') return fail(1505, 'Invalid session', 401);
    if (expiredTokens.has(token) || (claims.payload.exp ?? 0) < seconds()) return fail(1529, 'Token expired', 401);
    const differs = checkTokenNames(claims, body);
    if (differs) return differs;
    return opened(body as unknown as Customer, openSession(body as unknown as Customer, 'MFA'));
  }

  const validateMfa = validateOtp('MFA', (session) => {
    const token = mintMfaToken(session, seconds());
    const key = mintKey(session, seconds(), true);
    liveKeys.set(key, token);
    return ok({ auth: { token, key }, user: { appRegistered: false, sessionId: null, role: 'USER', userRegisteredForPassword: false } });
  });

  /** `mfa/token/regenerate`: a live MFA key buys a new token; the reply has no key, so the one held stays. */
  function refreshToken(body: Body): Reply {
    const bad = checkFields(body, [...CUSTOMER_FIELDS, 'key']);
    if (bad) return bad;
    const key = body.key as string;
    const claims = verifyJwt(key);
    if (claims?.payload.rol !== 'AUTH' || !claims.payload.mfa || !liveKeys.has(key)) return fail(1597, 'Key expired or not valid', 401);
    const differs = checkTokenNames(claims, body);
    if (differs) return differs;
    const token = mintMfaToken(body as unknown as Customer, seconds());
    liveKeys.set(key, token);
    return ok({ auth: { token } });
  }

  /** `mfa/token/expire`: the token is dead from now on, and so is the key that gave it. */
  function endSession(body: Body): Reply {
    const bad = checkFields(body, ['brand', 'deviceId', 'token', 'identifierType', 'identifierValue']);
    if (bad) return bad;
    const token = body.token as string;
    const claims = verifyJwt(token);
    if (claims?.payload.rol !== 'USER') return fail(1531, 'Unable to expire token');
    if (expiredTokens.has(token) || (claims.payload.exp ?? 0) < seconds()) return fail(1529, 'Token expired', 401);
    const differs = checkTokenNames(claims, body);
    if (differs) return differs;
    expiredTokens.add(token);
    for (const [key, last] of liveKeys) if (last === token) liveKeys.delete(key);
    log(`[sandbox] token expired for ${body.identifierType} ${body.identifierValue}`);
    return ok();
  }

  const routes: Record<string, (body: Body) => Reply> = {
    '/auth/v1/token/generate': openFirstFactor,
    '/auth/v1/otp/generate': generateOtp('first factor'),
    '/auth/v1/otp/validate': validateFirstFactor,
    '/auth/v1/mfa/token/generate': startMfaSession,
    '/auth/v1/mfa/otp/generate': generateOtp('MFA'),
    '/auth/v1/mfa/otp/validate': validateMfa,
    '/auth/v1/mfa/token/regenerate': refreshToken,
    '/auth/v1/mfa/token/expire': endSession,
  };

  return {
    routes,
    outbox,
    /** Opens an MFA session as `mfa/token/generate` would, skipping the first factor (a shortcut for testers). */
    openMfaSession: (customer: Customer) => openSession(customer, 'MFA'),
    /** Runs the first factor through its own calls and returns the customer's USER token (the authorized token). */
    authorizedToken(customer: Customer): string {
      const sessionId = (openFirstFactor({ ...customer }).body as { user: { sessionId: string } }).user.sessionId;
      generateOtp('first factor')({ ...customer, sessionId });
      const otp = sessions.get(sessionId)!.otp!;
      return (validateFirstFactor({ ...customer, sessionId, otp }).body as { auth: { token: string } }).auth.token;
    },
    /** Makes every key given so far refuse to refresh, as when a brand turns key expiry on. */
    retireKeys: () => liveKeys.clear(),
    session: (id: string) => sessions.get(id),
    recentSessions: () => [...sessions.values()].slice(-8).reverse(),
  };
}

export type AuthEngine = ReturnType<typeof createAuthEngine>;
