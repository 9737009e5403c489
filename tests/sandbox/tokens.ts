// HS256 tokens shaped like Capillary's: ../shared/capillary-api/REFERENCE.md, "Anatomy of the tokens".
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const SECRET = 'mfa-desk-sandbox-secret';
export const ISSUER = 'CAPILLARY TECHNOLOGIES';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('base64url');

export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const body = `${part(header)}.${part(payload)}`;
  return `${body}.${sign(body)}`;
}

export interface Claims {
  header: { idv?: string[]; dev?: string | null; org?: string };
  payload: { uid?: string; exp?: number; iat?: number; rol?: string; mfa?: boolean };
}

/** The claims of a token this sandbox signed, or null for anything else (forged, altered, not a JWT). */
export function verifyJwt(token: string): Claims | null {
  const [header, payload, signature, ...rest] = token.split('.');
  if (!header || !payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(`${header}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
      payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    };
  } catch {
    return null;
  }
}

export interface Customer {
  identifierType: string;
  identifierValue: string;
  deviceId: string;
  brand: string;
}

/** A stable Capillary-like user ID for an identifier. */
export function userIdOf(customer: Customer): string {
  const digest = createHash('sha256').update(`${customer.brand.toUpperCase()}|${customer.identifierValue}`).digest();
  return String(1_000_000 + (digest.readUInt32BE(0) % 9_000_000));
}

function headerOf(customer: Customer) {
  return {
    idv: [`${customer.identifierType}|${customer.identifierValue}`],
    dev: customer.deviceId,
    org: customer.brand.toUpperCase(),
    alg: 'HS256',
  };
}

/** Whether a token's header names this customer (identifier, device and brand), as Capillary's checks do. */
export function headerNames(claims: Claims, customer: Customer): 'identifier' | 'device' | 'brand' | null {
  if (!claims.header.idv?.includes(`${customer.identifierType}|${customer.identifierValue}`)) return 'identifier';
  if (claims.header.dev !== customer.deviceId) return 'device';
  if (claims.header.org !== customer.brand.toUpperCase()) return 'brand';
  return null;
}

/** An MFA token: a 15-minute USER token. */
export function mintMfaToken(customer: Customer, nowSeconds: number): string {
  return signJwt(headerOf(customer), {
    uid: userIdOf(customer),
    iss: ISSUER,
    isc: 'false',
    ogc: [`100458|${customer.brand.toLowerCase()}.sandbox`],
    exp: nowSeconds + 900,
    iat: nowSeconds,
    rol: 'USER',
  });
}

/** The key that comes with a token: AUTH, without expiry (key expiry is off by default); `mfa` once MFA passed. */
export function mintKey(customer: Customer, nowSeconds: number, mfa: boolean): string {
  return signJwt(headerOf(customer), { uid: userIdOf(customer), iss: ISSUER, ...(mfa && { mfa: true }), iat: nowSeconds, rol: 'AUTH' });
}

/** The USER token of the first factor (`otp/validate`): an hour, as in Capillary's samples. */
export function mintFirstFactorToken(customer: Customer, nowSeconds: number): string {
  return signJwt(headerOf(customer), {
    uid: userIdOf(customer),
    iss: ISSUER,
    isc: 'false',
    exp: nowSeconds + 3600,
    iat: nowSeconds,
    rol: 'USER',
  });
}

/** The VIEW token that opening a session (first factor or MFA) returns. */
export function mintViewToken(customer: Customer, nowSeconds: number): string {
  return signJwt(headerOf(customer), {
    uid: userIdOf(customer),
    iss: ISSUER,
    isc: 'false',
    exp: nowSeconds + 900,
    iat: nowSeconds,
    rol: 'VIEW',
  });
}
