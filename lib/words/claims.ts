// The claim dictionary: what each claim of a Capillary token (or any JWT) means, in words an agent reads.
// Capillary's claims: ../shared/capillary-api/REFERENCE.md, "Anatomy of the tokens".

import { IDENTIFIER_TYPES, type IdentifierType } from '@/lib/model/capillary/identifier';
import { cut } from '@/lib/model/capillary/redact';
import { HIDDEN, maskIdentifier } from '@/lib/model/format/mask';
import { isoUtc, localTime } from '@/lib/model/format/time';
import type { MessageKey } from './en';
import { t } from './t';

export interface ExplainedClaim {
  name: string;
  /** The value as text, masked where it is personal data and `showPersonal` is off. */
  value: string;
  meaning: string;
  /** For time claims: the instant, in epoch ms, so the view can count down to it. */
  at?: number;
}

/** Capillary's roles (rol), each with its explanation's message key. */
const ROLES: Record<string, MessageKey> = {
  VIEW: 'roleView',
  USER: 'roleUser',
  AUTH: 'roleAuth',
  MFA_PENDING: 'roleMfaPending',
};

/** Claims with a fixed meaning, by name. */
const FIXED: Record<string, MessageKey> = {
  alg: 'claimAlg',
  typ: 'claimTyp',
  kid: 'claimKid',
  cty: 'claimCty',
  dev: 'claimDev',
  org: 'claimOrg',
  uid: 'claimUid',
  iss: 'claimIss',
  isc: 'claimIsc',
  sub: 'claimSub',
  aud: 'claimAud',
  jti: 'claimJti',
  enc: 'claimEnc',
  zip: 'claimZip',
};

/** Claims that name the customer's Capillary account: hidden in screen-share mode. */
const ACCOUNT_CLAIMS = new Set(['uid', 'sub']);

/**
 * Every claim explained. `showPersonal` shows identifiers unmasked; `hide` (screen-share mode) also hides the
 * customer's Capillary user ID.
 */
export function explainClaims(claims: Record<string, unknown>, { showPersonal = false, hide = false } = {}): ExplainedClaim[] {
  return Object.entries(claims).map(([name, raw]) =>
    hide && ACCOUNT_CLAIMS.has(name) ? explainClaim(name, HIDDEN, false) : explainClaim(name, raw, showPersonal),
  );
}

function explainClaim(name: string, raw: unknown, showPersonal: boolean): ExplainedClaim {
  const text = asText(raw);
  switch (name) {
    case 'idv': {
      const entries = listed(raw).map((entry) => splitIdentifier(asText(entry), showPersonal));
      return {
        name,
        value: cut(entries.map((e) => `${e.type}|${e.value}`).join(', '), MAX_SHOWN),
        meaning: t('claimIdv', cut(entries.map((e) => `${e.type} ${e.value}`).join(', '), MAX_SHOWN)),
      };
    }
    case 'ogc': {
      const orgs = listed(raw).map((entry) => {
        const [id, ...rest] = asText(entry).split('|');
        return t('claimOgcOrg', id, rest.join('|') || t('claimOgcNoName'));
      });
      return { name, value: text, meaning: t('claimOgc', cut(orgs.join('; '), MAX_SHOWN)) };
    }
    case 'rol':
      return {
        name,
        value: text,
        meaning: t(own(ROLES, text) ?? 'roleUnknown', text),
      };
    case 'mfa':
      return { name, value: text, meaning: t(raw === true ? 'claimMfa' : 'claimNoMfa') };
    case 'exp':
      return timeClaim(name, raw, 'claimExp');
    case 'iat':
      return timeClaim(name, raw, 'claimIat');
    case 'nbf':
      return timeClaim(name, raw, 'claimNbf');
    case 'alg':
      return {
        name,
        value: text,
        meaning: text.toLowerCase() === 'none' ? t('claimAlgNone') : t('claimAlgSigned', text),
      };
    default:
      return { name, value: text, meaning: t(own(FIXED, name) ?? 'claimUnknown') };
  }
}

/** exp, iat, nbf: `label` names the instant ("Expires"), filled with the time in UTC and local. */
function timeClaim(name: string, raw: unknown, label: 'claimExp' | 'claimIat' | 'claimNbf'): ExplainedClaim {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { name, value: asText(raw), meaning: t('claimTimeNotNumber', t(label)) };
  const at = raw * 1000;
  if (Number.isNaN(new Date(at).getTime())) return { name, value: String(raw), meaning: t('claimTimeOutOfRange', t(label)) };
  return { name, value: String(raw), meaning: t('claimTimeAt', t(label), isoUtc(at), localTime(at)), at };
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
function own(dictionary: Record<string, MessageKey>, name: string): MessageKey | undefined {
  return Object.hasOwn(dictionary, name) ? dictionary[name] : undefined;
}

/** Longest claim value shown: a claim is read, not scrolled through (a pasted token may carry a megabyte). */
const MAX_SHOWN = 2000;
/** Entries of a list claim (idv, ogc) explained: Capillary's hold one or two. */
const MAX_LISTED = 50;
/** Deepest nesting written out; deeper parts show as "…" (JSON.stringify of a 5,000-deep array overflows the stack). */
const MAX_NESTING = 20;

const listed = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw.slice(0, MAX_LISTED) : [raw]);

/** A claim value as text: at most MAX_NESTING deep and MAX_SHOWN long, whatever the token holds. */
function asText(value: unknown): string {
  return cut(typeof value === 'string' ? value : jsonText(value, MAX_NESTING, MAX_SHOWN), MAX_SHOWN);
}

/** JSON text of a parsed value, written no deeper than `depth` and stopped once past `budget` characters. */
function jsonText(value: unknown, depth: number, budget: number): string {
  if (value === null || typeof value !== 'object') return String(JSON.stringify(value));
  if (depth === 0) return '…';
  const array = Array.isArray(value);
  const keys = array ? null : Object.keys(value);
  const count = array ? (value as unknown[]).length : keys!.length;
  const parts: string[] = [];
  let used = 2;
  for (let i = 0; i < count && used <= budget; i++) {
    const item = array ? (value as unknown[])[i] : (value as Record<string, unknown>)[keys![i]];
    const part = (array ? '' : `${JSON.stringify(keys![i])}:`) + jsonText(item, depth - 1, budget - used);
    parts.push(part);
    used += part.length + 1;
  }
  if (parts.length < count) parts.push('…');
  return array ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}
