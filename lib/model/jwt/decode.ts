// Decodes a JWT for reading. It never verifies a signature: Capillary signs with HS256 and a secret we do not have.
// What is wrong with one that does not decode is a code; lib/words/jwt.ts says it in the agent's language.
export type JsonObject = Record<string, unknown>;

export type Decoded =
  | { ok: true; kind: 'jws'; header: JsonObject; payload: JsonObject; signature: string; unsigned: boolean }
  | { ok: true; kind: 'jwe'; header: JsonObject }
  | { ok: false; part: 'token' | 'header' | 'payload'; problem: JwtProblem };

/** Why a token, or one of its parts, does not decode. */
export type JwtProblem =
  | { code: 'empty' }
  | { code: 'parts'; count: number }
  | { code: 'part-empty' }
  | { code: 'bad-character'; character: string; position: number }
  | { code: 'bad-length' }
  | { code: 'not-base64' }
  | { code: 'not-utf8' }
  | { code: 'not-json'; detail: string }
  | { code: 'not-object' };

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
  if (text === '') return { ok: false, part: 'token', problem: { code: 'empty' } };
  const parts = text.split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    return { ok: false, part: 'token', problem: { code: 'parts', count: parts.length } };
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

type PartResult = { ok: true; value: JsonObject } | { ok: false; part: 'header' | 'payload'; problem: JwtProblem };

function decodePart(encoded: string, part: 'header' | 'payload'): PartResult {
  const fail = (problem: JwtProblem): PartResult => ({ ok: false, part, problem });
  if (encoded === '') return fail({ code: 'part-empty' });
  const bad = /[^A-Za-z0-9_\-+/=]/.exec(encoded);
  if (bad) return fail({ code: 'bad-character', character: bad[0], position: bad.index + 1 });
  const unpadded = encoded.replace(/=+$/, '');
  if (unpadded.includes('=') || unpadded.length % 4 === 1) return fail({ code: 'bad-length' });
  let bytes: Uint8Array;
  try {
    const base64 = unpadded.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  } catch {
    return fail({ code: 'not-base64' });
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ code: 'not-utf8' });
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return fail({ code: 'not-json', detail: error instanceof SyntaxError ? error.message : 'parse error' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail({ code: 'not-object' });
  return { ok: true, value: value as JsonObject };
}
