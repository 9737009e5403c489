// HS256 tokens shaped like Capillary's: ../shared/capillary-api/REFERENCE.md, "Anatomy of the tokens".
import { createHash, createHmac } from 'node:crypto';

const SECRET = 'mfa-desk-sandbox-secret';
export const ISSUER = 'CAPILLARY TECHNOLOGIES';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const body = `${part(header)}.${part(payload)}`;
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
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

/** The token and key that a successful MFA validate returns: a 15-minute USER token and an AUTH key without expiry. */
export function mintMfaTokens(customer: Customer, nowSeconds: number) {
  const uid = userIdOf(customer);
  const token = signJwt(headerOf(customer), {
    uid,
    iss: ISSUER,
    isc: 'false',
    ogc: [`100458|${customer.brand.toLowerCase()}.sandbox`],
    exp: nowSeconds + 900,
    iat: nowSeconds,
    rol: 'USER',
  });
  const key = signJwt(headerOf(customer), { uid, iss: ISSUER, mfa: true, iat: nowSeconds, rol: 'AUTH' });
  return { token, key };
}

/** The VIEW token that /auth/v1/mfa/token/generate returns with a new MFA session. */
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
