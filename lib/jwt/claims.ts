// The claim dictionary: what each claim of a Capillary token (or any JWT) means, in words an agent reads.
// Capillary's claims: ../shared/capillary-api/REFERENCE.md, "Anatomy of the tokens".

import { cut } from '@/lib/capillary/redact';
import type { IdentifierType } from '@/lib/capillary/schemas';
import { IDENTIFIER_TYPES } from '@/lib/capillary/schemas';
import { maskIdentifier } from '@/lib/format/mask';
import { isoUtc, localTime } from '@/lib/format/time';

export interface ExplainedClaim {
  name: string;
  /** The value as text, masked where it is personal data and `showPersonal` is off. */
  value: string;
  meaning: string;
  /** For time claims: the instant, in epoch ms, so the view can count down to it. */
  at?: number;
}

const ROLES: Record<string, string> = {
  VIEW: 'VIEW: a session token, only good for the next login step.',
  USER: 'USER: an access token; the customer is logged in.',
  AUTH: 'AUTH: the key, used to refresh the access token.',
  MFA_PENDING: 'MFA_PENDING: logged in with the first factor; MFA is still to be passed.',
};

const FIXED: Record<string, string> = {
  alg: 'Signing algorithm.',
  typ: 'Token type.',
  kid: 'ID of the key that signed the token.',
  cty: 'Content type of the payload.',
  dev: 'Device ID the token was issued for.',
  org: 'Brand (org) the token was issued for, upper-case.',
  uid: 'Capillary user ID of the customer.',
  iss: 'Issuer: who made the token.',
  isc: 'Undocumented Capillary flag, the string "true" or "false".',
  sub: 'Subject: who the token is about.',
  aud: 'Audience: who the token is meant for.',
  jti: 'Token ID, unique per token.',
  enc: 'Content encryption algorithm (encrypted tokens).',
  zip: 'Compression of the payload (encrypted tokens).',
};

export function explainClaims(claims: Record<string, unknown>, { showPersonal = false } = {}): ExplainedClaim[] {
  return Object.entries(claims).map(([name, raw]) => explainClaim(name, raw, showPersonal));
}

function explainClaim(name: string, raw: unknown, showPersonal: boolean): ExplainedClaim {
  const text = asText(raw);
  switch (name) {
    case 'idv': {
      const entries = (Array.isArray(raw) ? raw : [raw]).map((entry) => splitIdentifier(String(entry), showPersonal));
      return {
        name,
        value: entries.map((e) => `${e.type}|${e.value}`).join(', '),
        meaning: `Customer identifier: ${entries.map((e) => `${e.type} ${e.value}`).join(', ')}.`,
      };
    }
    case 'ogc': {
      const orgs = (Array.isArray(raw) ? raw : [raw]).map((entry) => {
        const [id, ...rest] = String(entry).split('|');
        return `org ID ${id}, name ${rest.join('|') || '(none)'}`;
      });
      return { name, value: text, meaning: `Orgs the customer belongs to: ${orgs.join('; ')}.` };
    }
    case 'rol':
      return {
        name,
        value: text,
        meaning: own(ROLES, text) ?? `Role ${text}: not one Capillary documents (VIEW, USER, AUTH, MFA_PENDING).`,
      };
    case 'mfa':
      return { name, value: text, meaning: raw === true ? 'Issued after the customer passed MFA.' : 'Not marked as issued after MFA.' };
    case 'exp':
      return timeClaim(name, raw, 'Expires');
    case 'iat':
      return timeClaim(name, raw, 'Issued');
    case 'nbf':
      return timeClaim(name, raw, 'Not valid before');
    case 'alg':
      return {
        name,
        value: text,
        meaning: text.toLowerCase() === 'none' ? 'No signature: anyone could have written this token (unsigned).' : `Signed with ${text}.`,
      };
    default:
      return { name, value: text, meaning: own(FIXED, name) ?? 'Not a claim MFA Desk knows.' };
  }
}

function timeClaim(name: string, raw: unknown, label: string): ExplainedClaim {
  if (typeof raw !== 'number' || !Number.isFinite(raw))
    return { name, value: asText(raw), meaning: `${label}: not a number of seconds, so not a valid time.` };
  const at = raw * 1000;
  if (Number.isNaN(new Date(at).getTime())) {
    return { name, value: String(raw), meaning: `${label}: outside the range of dates a clock can show, so not a valid time.` };
  }
  return { name, value: String(raw), meaning: `${label} ${isoUtc(at)} (${localTime(at)} local).`, at };
}

function splitIdentifier(entry: string, showPersonal: boolean): { type: string; value: string } {
  const bar = entry.indexOf('|');
  const type = bar >= 0 ? entry.slice(0, bar) : 'UNKNOWN';
  const value = bar >= 0 ? entry.slice(bar + 1) : entry;
  if (showPersonal) return { type, value };
  const known = (IDENTIFIER_TYPES as readonly string[]).includes(type) ? (type as IdentifierType) : 'EXTERNALID';
  return { type, value: maskIdentifier(known, value) };
}

/** A dictionary's own entry: a claim named `__proto__` or `constructor` must not find Object's. */
function own(dictionary: Record<string, string>, name: string): string | undefined {
  return Object.hasOwn(dictionary, name) ? dictionary[name] : undefined;
}

/** Longest claim value shown: a claim is read, not scrolled through (a pasted token may carry a megabyte). */
const MAX_SHOWN = 2000;

function asText(value: unknown): string {
  return cut(typeof value === 'string' ? value : String(JSON.stringify(value)), MAX_SHOWN);
}
