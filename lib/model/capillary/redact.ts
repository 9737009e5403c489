// Text from a reply (a message, a body kept for display) or for a log line may quote a token, key or OTP, or echo
// what the request carried. Everything that could be one is blanked before it is stored, shown or logged.

/** Longest text kept from a reply: enough for any message Capillary writes, too short to carry a payload. */
export const MAX_KEPT = 400;

const JWT = /eyJ[\w-]*\.[\w-]*(?:\.[\w-]*)?/g;
/** A field whose name says it holds a secret, in JSON or as name=value / name: value, in any case. */
// Bounded on both sides so that a long run of word characters cannot make the search quadratic.
const NAME = String.raw`[\w-]{0,40}(?:token|otp|key|secret|password|passcode)[\w-]{0,40}`;
const QUOTED_FIELD = new RegExp(String.raw`("${NAME}"\s*:\s*)("(?:[^"\\]|\\.)*"|[-\w.+]+)`, 'gi');
const BARE_FIELD = new RegExp(String.raw`\b(${NAME}\s*[=:]\s*)(?!\[redacted)([^\s&,;"'<>]+)`, 'gi');
/** Values shorter than this are not searched for: a 3-character value would blank ordinary words. */
const MIN_SENT = 4;

/**
 * `text` with every secret-looking part blanked: the values the request carried (`sent`), JWT-shaped strings, and
 * fields named like token / otp / key / secret / password. Then cut to `max` characters.
 */
export function redact(text: string, sent: readonly string[] = [], max = MAX_KEPT): string {
  let clean = text;
  // Longest first, so that a shorter value inside a longer one ("1234" in "123456") cannot leave part of it behind.
  for (const value of [...sent].sort((a, b) => b.trim().length - a.trim().length)) {
    const v = value.trim();
    if (v.length >= MIN_SENT) clean = clean.replace(new RegExp(escapeRegExp(v), 'gi'), '[sent value]');
  }
  clean = clean.replace(JWT, '[redacted JWT]').replace(QUOTED_FIELD, '$1"[redacted]"').replace(BARE_FIELD, '$1[redacted]');
  return cut(clean, max);
}

/** Deepest nesting kept from a reply's object: Capillary's are 3 levels deep; deeper parts are dropped. */
const MAX_DEPTH = 16;

/** A key that names a secret: `password`, `apiKey`, `refresh_token`, `secret`, … in any case. */
const SECRET_KEY = new RegExp(`^${NAME}$`, 'i');

/**
 * A reply's object with `redact` applied to every string in it, at any depth, and the value of every secret-named
 * key blanked whatever it is (a yes/no flag such as `userRegisteredForPassword` says nothing secret and stays).
 * Keys are kept, nesting is bounded.
 */
export function redactDeep<T>(value: T, sent: readonly string[], depth = 0): T {
  if (typeof value === 'string') return redact(value, sent, Number.POSITIVE_INFINITY) as T;
  if (value && typeof value === 'object') {
    if (depth >= MAX_DEPTH) return '[nested too deep]' as T;
    if (Array.isArray(value)) return value.map((item) => redactDeep(item, sent, depth + 1)) as T;
    const blank = (key: string, item: unknown) => SECRET_KEY.test(key) && item !== null && typeof item !== 'boolean';
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, blank(key, item) ? '[redacted]' : redactDeep(item, sent, depth + 1)]),
    ) as T;
  }
  return value;
}

/** `text` cut to `max` characters, saying how many were left out. */
export function cut(text: string, max = MAX_KEPT): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
