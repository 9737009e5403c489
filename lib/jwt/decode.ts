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
  if (text === '') return { ok: false, part: 'token', message: 'Paste a JWT: three base64url parts separated by dots.' };
  const parts = text.split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    return { ok: false, part: 'token', message: `A JWT has 3 parts separated by dots (5 when encrypted); this has ${parts.length}.` };
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
  const name = part === 'header' ? 'Header' : 'Payload';
  const fail = (message: string): PartResult => ({ ok: false, part, message: `${name}: ${message}` });
  if (encoded === '') return fail('empty.');
  const bad = /[^A-Za-z0-9_\-+/=]/.exec(encoded);
  if (bad) return fail(`not base64url: unexpected character “${bad[0]}” at position ${bad.index + 1}.`);
  const unpadded = encoded.replace(/=+$/, '');
  if (unpadded.includes('=') || unpadded.length % 4 === 1) return fail('not base64url: its length or padding is wrong.');
  let bytes: Uint8Array;
  try {
    const base64 = unpadded.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  } catch {
    return fail('not base64url.');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('decodes to bytes that are not UTF-8 text.');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return fail(`not JSON (${error instanceof SyntaxError ? error.message : 'parse error'}).`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('JSON, but not an object.');
  return { ok: true, value: value as JsonObject };
}
