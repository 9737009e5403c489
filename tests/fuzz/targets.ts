// Property-based targets over everything that takes input from outside: pasted tokens, Capillary's replies, text
// kept for display, claims, the CSV export and stored settings. Each property: any input gives a value or a typed
// error, never an exception or a hang. `npm run fuzz` runs them at scale (run.ts); `npm test` a fixed-seed share.
import * as fc from 'fast-check';
import { createCapillaryApi } from '@/lib/capillary/client';
import {
  FirstFactorValidatedResponse,
  SessionOpenedResponse,
  StatusResponse,
  TokenRefreshedResponse,
  ValidateOtpResponse,
} from '@/lib/capillary/replies';
import { CapillaryApiError, DeskError } from '@/lib/model/capillary/errors';
import { cut, MAX_KEPT, redact, redactDeep } from '@/lib/model/capillary/redact';
import { historyToCsv } from '@/lib/model/desk/history-csv';
import { Action } from '@/lib/model/desk/outcome';
import { decodeJwt } from '@/lib/model/jwt/decode';
import { effectiveSettings, readManaged } from '@/lib/model/settings/managed';
import { readSettings } from '@/lib/model/settings/read';
import { SettingsSchema } from '@/lib/model/settings/schema';
import { DEFAULT_SETTINGS } from '@/lib/model/settings/settings';
import { MAX_PENDING_JWT } from '@/lib/platform/storage/panel-items';
import { explainClaims } from '@/lib/words/claims';
import { jwtProblemText } from '@/lib/words/jwt';
import { policyProblem } from '@/lib/words/settings/policy-words';
import { checkSettings, importSettings } from '@/lib/words/settings/transfer';
import { explainUser } from '@/lib/words/user-fields';
import { SEED_REQUEST, VALIDATED } from '../fixtures/capillary';

export interface Target {
  name: string;
  /** Share of `npm run fuzz`'s cases. */
  runs: number;
  /** Runs the property with fast-check's parameters (number of runs, seed); reports instead of throwing. */
  check(parameters: { numRuns: number; seed: number }): Promise<fc.RunDetails<unknown>>;
}

function target<Ts extends unknown[]>(
  name: string,
  runs: number,
  property: fc.IPropertyWithHooks<Ts> | fc.IAsyncPropertyWithHooks<Ts>,
): Target {
  return { name, runs, check: async (parameters) => (await fc.check(property, parameters)) as fc.RunDetails<unknown> };
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** Any code unit, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 200 });
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), codeUnits, fc.string({ maxLength: 200 }));

/** Keys a hostile JSON document would use. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'idv', 'exp', 'iat', 'nbf', 'rol', 'ogc', 'alg'),
  anyText,
);
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg/onload=alert(1)>',
    1e308,
    -0,
    'MOBILE|18767431754',
    [{ toString: 0 }],
    { valueOf: {} },
  ),
  anyText,
);

/** A JSON object as text, so that `__proto__` becomes an own key when parsed, as it would from a real token. */
const jsonObjectText = fc
  .array(fc.tuple(hostileKey, hostileValue), { maxLength: 12 })
  .map((pairs) => `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`);

const DEEP = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
/** 5,000 levels in under 16 kB: what a context-menu selection may carry. */
const DEEP_SELECTION = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const ONE_MB_TOKEN = `${b64url('{"alg":"HS256"}')}.${b64url(JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }))}.sig`;
/** Inputs a generator would rarely find by itself. */
const SPECIAL_TOKENS = [
  ONE_MB_TOKEN,
  `${b64url('{"alg":"none"}')}.${b64url(`{"deep":${DEEP}}`)}.`,
  `${b64url('{"alg":"HS256"}')}.${b64url(`{"idv":${DEEP_SELECTION}}`)}.sig`,
  `${b64url('{"alg":"HS256"}')}.${b64url(`{"ogc":[${Array.from({ length: 2000 }, (_, i) => `"${i}|o"`).join(',')}]}`)}.sig`,
  `${b64url(new Uint8Array([0xff, 0xfe, 0xc3, 0x28]))}.${b64url('{}')}.sig`,
  `${b64url('{"alg":"HS256"}')}.${b64url('{"x":"\\ud800"}')}.sig`,
  `\uD800.\uDC00.x`,
  'Bearer "eyJ.eyJ.x"',
  '.'.repeat(4),
];

const tokenText = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(jsonObjectText, jsonObjectText, anyText).map(([h, p, s]) => `${b64url(h)}.${b64url(p)}.${s}`) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 })).map(([h, p]) => `${b64url(h)}.${b64url(p)}.x`),
  },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_TOKENS) },
);

function mustBeString(value: unknown, what: string) {
  if (typeof value !== 'string') throw new Error(`${what} is not a string`);
}

const jwtDecoder = target(
  'JWT decoder',
  25_000,
  fc.property(tokenText, (text) => {
    const decoded = decodeJwt(text);
    if (decoded.ok) return;
    mustBeString(jwtProblemText(decoded), 'message');
  }),
);

const claimExplainer = target(
  'claim explainer',
  15_000,
  fc.property(jsonObjectText, fc.boolean(), (text, showPersonal) => {
    const claims = JSON.parse(text) as Record<string, unknown>;
    for (const claim of [...explainClaims(claims, { showPersonal }), ...explainUser(claims as never, { showPersonal })]) {
      mustBeString(claim.value, `value of ${claim.name}`);
      mustBeString(claim.meaning, `meaning of ${claim.name}`);
    }
  }),
);

const REPLY_SCHEMAS = [StatusResponse, ValidateOtpResponse, SessionOpenedResponse, FirstFactorValidatedResponse, TokenRefreshedResponse];
const replyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }),
  fc.anything({ maxDepth: 4, withNullPrototype: true, withMap: true, withSet: true }),
  // A valid reply with one part replaced: the contract's near misses.
  fc.tuple(fc.constantFrom('status', 'auth', 'user'), hostileValue).map(([part, value]) => ({ ...VALIDATED, [part]: value })),
);

const replySchemas = target(
  'reply schemas',
  20_000,
  fc.property(replyJson, (reply) => {
    for (const schema of REPLY_SCHEMAS) schema.safeParse(reply);
  }),
);

/** A reply as the network would deliver it: any body, any status, to the client as the background uses it. */
const replyBody = fc.oneof(
  replyJson.map((json) => JSON.stringify(json) ?? ''),
  anyText,
  fc.uint8Array({ maxLength: 256 }),
  fc.constant(`{"status":{"success":false,"code":1506,"message":"${'m'.repeat(70_000)}"}}`),
);

const clientReplies = target(
  'client reply handling',
  10_000,
  fc.asyncProperty(replyBody, fc.constantFrom(200, 201, 302, 400, 401, 404, 500, 502), async (body, status) => {
    const headers = status === 302 ? { Location: 'https://elsewhere.example/?otp=123456' } : undefined;
    const api = createCapillaryApi({
      baseUrl: 'https://eu.api.capillarytech.com',
      fetch: async () => new Response(status === 302 ? null : body, { status, headers }),
    });
    try {
      await api.validateOtp({ ...SEED_REQUEST, otp: '123456' });
    } catch (error) {
      if (!(error instanceof CapillaryApiError)) throw error;
      const detail = DeskError.parse(error.detail);
      if (JSON.stringify(detail).includes('123456')) throw new Error('the OTP came back in an error');
    }
  }),
);

/** The part of redacted text before a cut's "… (n more characters)", which has digits of its own. */
const beforeCut = (text: string) => text.replace(/… \(\d+ more characters\)$/, '');

const redaction = target(
  'redaction',
  20_000,
  fc.property(
    anyText,
    anyText,
    fc.stringMatching(/^\d{4,8}$/),
    fc.constantFrom('', 'otp', 'OTPCode', 'accessToken', 'client_secret', 'Password'),
    (before, after, secret, field) => {
      const quoted = field ? `{"${field}":${JSON.stringify(`x${before.slice(0, 5)}`)}}` : '';
      const text = `${before}${secret}${quoted}${after}${SPECIAL_TOKENS[4]}`;
      const clean = redact(text, [secret]);
      if (beforeCut(clean).includes(secret)) throw new Error('a sent value survived');
      if (field && clean.includes(`"${field}":"x`)) throw new Error('a secret-named field survived');
      if (clean.length > MAX_KEPT + 40) throw new Error('not cut');
      if (cut(text).length > MAX_KEPT + 40) throw new Error('cut too long');
      const deep = redactDeep({ a: [text, { b: text }], depth: JSON.parse(DEEP) }, [secret]);
      if ([deep.a[0] as string, (deep.a[1] as { b: string }).b].some((kept) => kept.includes(secret)))
        throw new Error('a sent value survived in an object');
    },
  ),
);

const ACTIONS = Action.options;
const historyEntry = fc.record({
  at: fc.integer({ min: 0, max: 8.64e15 }),
  cluster: anyText,
  brand: anyText,
  maskedIdentifier: anyText,
  action: fc.constantFrom(...ACTIONS),
  code: anyText,
  // The ticket reference is the agent's free text: "=HYPERLINK(…)" must reach a spreadsheet as text.
  reference: fc.option(anyText, { nil: undefined }),
  durationMs: fc.option(fc.nat(), { nil: undefined }),
});

/** Splits CSV as a spreadsheet would read it. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i];
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

const csvExport = target(
  'CSV export',
  10_000,
  fc.property(fc.array(historyEntry, { maxLength: 8 }), (entries) => {
    const rows = parseCsv(historyToCsv(entries));
    if (rows.length !== entries.length + 1) throw new Error(`${rows.length} rows for ${entries.length} entries`);
    for (const row of rows) {
      if (row.length !== 8) throw new Error(`a row of ${row.length} cells`);
      for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) throw new Error(`a cell a spreadsheet would run: ${cell}`);
    }
    rows.slice(1).forEach((row, i) => {
      const brand = entries[i].brand;
      if (row[2] !== (/^[=+\-@\t\r]/.test(brand) ? `'${brand}` : brand)) throw new Error('a cell changed on its way');
      const reference = entries[i].reference ?? '';
      if (row[6] !== (/^[=+\-@\t\r]/.test(reference) ? `'${reference}` : reference)) throw new Error('the reference changed on its way');
    });
  }),
);

const SETTINGS_KEYS = ['settings', 'settings.v1'];
const storedArea = () =>
  fc.dictionary(fc.oneof(fc.constantFrom(...SETTINGS_KEYS), fc.string()), fc.oneof(fc.anything({ maxDepth: 2 }), settingsLike()), {
    maxKeys: 3,
  });
const storedSettings = target(
  'stored-settings parsing',
  10_000,
  fc.property(storedArea(), storedArea(), (sync, local) => {
    const { settings, reset } = readSettings(sync, local);
    SettingsSchema.parse(settings);
    for (const field of reset) if (!(field in settings)) throw new Error(`reset names an unknown field ${field}`);
  }),
);

/** Whatever a policy holds: the settings used are valid, and every value left out is named in words. */
const policy = target(
  'policy (storage.managed) parsing',
  10_000,
  fc.property(fc.oneof(settingsLike(), fc.record({ lockSettings: fc.anything() }), fc.anything({ maxDepth: 3 })), (raw) => {
    const managed = readManaged(raw);
    SettingsSchema.parse(effectiveSettings(DEFAULT_SETTINGS, managed));
    for (const invalid of managed.invalid) if (!policyProblem(invalid)) throw new Error(`no words for ${invalid.key}`);
  }),
);

function settingsLike() {
  return fc.record(
    {
      version: fc.oneof(fc.constantFrom(1, 2, 3), fc.anything()),
      apiBaseUrl: fc.oneof(
        fc.constantFrom('https://us.api.capillarytech.com', 'http://evil.example', 'javascript:alert(1)', ''),
        fc.webUrl(),
        anyText,
      ),
      brand: fc.oneof(anyText, fc.integer()),
      deviceId: fc.oneof(anyText, fc.constant(null)),
      cooldownSeconds: fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.double(), anyText),
      brands: fc.oneof(
        fc.array(
          fc.oneof(
            fc.record(
              {
                brand: fc.oneof(anyText, fc.constantFrom('Bukl', 'BUKL', ' ')),
                apiBaseUrl: fc.oneof(fc.webUrl(), anyText, fc.constant(null)),
              },
              { requiredKeys: [] },
            ),
            fc.anything({ maxDepth: 1 }),
          ),
          { maxLength: 120 },
        ),
        fc.anything({ maxDepth: 1 }),
      ),
    },
    { requiredKeys: [] },
  );
}

/** Whatever file an agent imports: valid settings come out, or words for the file or each field, never a throw. */
const importFiles = target(
  'import files',
  10_000,
  fc.property(
    fc.oneof(
      settingsLike().map((settings) => JSON.stringify({ kind: 'mfa-desk-settings', version: 3, settings })),
      fc
        .record({ kind: fc.constantFrom('mfa-desk-settings', 'other'), version: fc.anything(), settings: fc.anything({ maxDepth: 2 }) })
        .map((file) => JSON.stringify(file)),
      anyText,
    ),
    (text) => {
      const imported = importSettings(text, DEFAULT_SETTINGS);
      if (imported.ok) SettingsSchema.parse(imported.settings);
      else if (!imported.file && Object.values(imported.fields).some((words) => typeof words !== 'string' || !words)) {
        throw new Error('a refused import without words');
      }
      SettingsSchema.parse(checkSettings({}, DEFAULT_SETTINGS).settings);
    },
  ),
);

/** A selection sent from the context menu (at most 16 kB), decoded and explained as the side panel does. */
const selections = target(
  'context-menu selections',
  10_000,
  fc.property(tokenText, fc.boolean(), (text, showPersonal) => {
    const decoded = decodeJwt(text.slice(0, MAX_PENDING_JWT));
    if (!decoded.ok) return mustBeString(jwtProblemText(decoded), 'message');
    const parts = decoded.kind === 'jws' ? [decoded.header, decoded.payload] : [decoded.header];
    for (const part of parts) {
      for (const claim of explainClaims(part, { showPersonal })) {
        mustBeString(claim.value, `value of ${claim.name}`);
        if (claim.value.length > 2100) throw new Error(`${claim.name} is shown ${claim.value.length} characters long`);
      }
    }
  }),
);

export const TARGETS: Target[] = [
  jwtDecoder,
  claimExplainer,
  replySchemas,
  clientReplies,
  redaction,
  csvExport,
  storedSettings,
  policy,
  importFiles,
  selections,
];
