import { t } from '@/lib/words/t';

// Decodes a JWT for reading. It never verifies a signature: Capillary signs with HS256 and a secret we do not have.
export type JsonObject = Record<string, unknown>;

export type Decoded =
  | { ok: true; kind: 'jws'; header: JsonObject; payload: JsonObject; signature: string; unsigned: boolean }
  | { ok: true; kind: 'jwe'; header: JsonObject }
  | { ok: false; part: 'token' | 'header' | 'payload'; message: string };

/** Removes what commonly comes along when a token is copied: whitespace, quotes, a `Bearer ` prefix. */
export function cleanJwtInput(input: string): string {
  let text = input.trim();
  for (let changed = true; changed; ) {
    const before = text;
    text = text.replace(/^bearer\s+/i, '').trim();
    const quoted = /^(["'`])([\s\S]*)\1$/.exec(text);
    if (quoted) text = quoted[2].trim();
    changed = text !== before;
  }
  return text.replace(/\s+/g, '');
}

export function decodeJwt(input: string): Decoded {
  const text = cleanJwtInput(input);
  if (text === '') return { ok: false, part: 'token', message: t('jwtEmpty') };
  const parts = text.split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    return { ok: false, part: 'token', message: t('jwtParts', parts.length) };
  }
  const header = decodePart(parts[0], 'header');
  if (!header.ok) return header;
  if (parts.length === 5) return { ok: true, kind: 'jwe', header: header.value };
  const payload = decodePart(parts[1], 'payload');
  if (!payload.ok) return payload;
  // alg may be anything a token's author wrote, even an object whose toString is not a function.
  const { alg } = header.value;
  const unsigned = typeof alg === 'string' && alg.toLowerCase() === 'none';
  return { ok: true, kind: 'jws', header: header.value, payload: payload.value, signature: parts[2], unsigned };
}

type PartResult = { ok: true; value: JsonObject } | { ok: false; part: 'header' | 'payload'; message: string };

function decodePart(encoded: string, part: 'header' | 'payload'): PartResult {
  const name = t(part === 'header' ? 'claimsHeader' : 'claimsPayload');
  const fail = (message: string): PartResult => ({ ok: false, part, message: t('jwtPartProblem', name, message) });
  if (encoded === '') return fail(t('jwtPartEmpty'));
  const bad = /[^A-Za-z0-9_\-+/=]/.exec(encoded);
  if (bad) return fail(t('jwtBadCharacter', bad[0], bad.index + 1));
  const unpadded = encoded.replace(/=+$/, '');
  if (unpadded.includes('=') || unpadded.length % 4 === 1) return fail(t('jwtBadLength'));
  let bytes: Uint8Array;
  try {
    const base64 = unpadded.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  } catch {
    return fail(t('jwtNotBase64'));
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(t('jwtNotUtf8'));
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return fail(t('jwtNotJson', error instanceof SyntaxError ? error.message : 'parse error'));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(t('jwtNotObject'));
  return { ok: true, value: value as JsonObject };
}
