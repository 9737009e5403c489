// The Capillary auth contract's requests, as REFERENCE.md's table gives them ("Request and reply shapes of the chain"):
// plain objects, so unknown fields are dropped and a body carries exactly the documented fields, trimmed.
// Pages check a form with these before asking; the client checks every body with them before sending.
import * as z from 'zod/mini';
import { canonicalIdentifier, canonicalOtp, IDENTIFIER_TYPES, type IdentifierType } from '@/lib/model/capillary/identifier';
import { invisibleIn } from '@/lib/model/format/invisible';
import type { MessageKey } from '@/lib/words/en';
import { t } from '@/lib/words/t';

const MAX_FIELD = 256;
/** Capillary's tokens are a few hundred characters; anything far longer is not one. */
const MAX_TOKEN = 8192;

// Messages are looked up when an issue is raised (zod calls `error`), in the agent's language; never while the
// schemas are built (a stopped worker builds them all before it can take its first message).
const says = (key: MessageKey, ...substitutions: (string | number | (() => string))[]) => ({
  error: () => t(key, ...substitutions.map((part) => (typeof part === 'function' ? part() : part))),
});

/** A required text field; with `visible`, one holding an invisible or direction-changing character is refused. */
function required(label: MessageKey, max = MAX_FIELD, visible = true) {
  const isRequired = { error: () => t('fieldRequired', t(label)) };
  const field = z
    .string(isRequired)
    .check(z.trim(), z.minLength(1, isRequired), z.maxLength(max, { error: () => t('fieldTooLong', t(label), max) }));
  if (!visible) return field;
  return field.check(
    z.refine((value) => invisibleIn(value) === null, {
      error: (issue) => t('fieldInvisible', t(label), invisibleIn(String(issue.input)) ?? ''),
    }),
  );
}

/** A token or key as Capillary issues them: a JWT, three base64url parts (requests and replies alike). */
export const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** A field holding a token or key, refused unless JWT-shaped. */
function jwtField(label: MessageKey, what: MessageKey) {
  return required(label, MAX_TOKEN).check(
    z.regex(
      JWT_SHAPE,
      says('jwtShape', () => t(what)),
    ),
  );
}

const MOBILE = /^\d{6,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with an identifier value of a given type, in words an agent acts on; null when it is fine. */
export function identifierProblem(type: IdentifierType, value: string): string | null {
  const v = canonicalIdentifier(type, value);
  if (v === '') return t('fieldRequired', t('identifierValue'));
  if (v.length > MAX_FIELD) return t('fieldTooLong', t('identifierValue'), MAX_FIELD);
  const invisible = invisibleIn(v);
  if (invisible) return t('fieldInvisible', t('identifierValue'), invisible);
  if (type === 'MOBILE' && !MOBILE.test(v)) {
    return t('mobileProblem');
  }
  if (type === 'EMAIL' && !EMAIL.test(v)) return t('emailProblem');
  return null;
}

/** The four fields every call of the chain names the customer by. */
const customer = {
  identifierType: z.enum(IDENTIFIER_TYPES, says('identifierTypeProblem')),
  // Checked in its canonical form, with its own words (identifierProblem), invisible characters included.
  identifierValue: required('identifierValue', MAX_FIELD, false),
  deviceId: required('deviceId'),
  brand: required('brand'),
};

const checkIdentifier = z.superRefine((req: { identifierType: IdentifierType; identifierValue: string }, ctx) => {
  const problem = identifierProblem(req.identifierType, req.identifierValue);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['identifierValue'], input: req.identifierValue });
});

/** The identifier value in its canonical form (identifier.ts): what is sent is what is masked and compared. */
const canonical = z.overwrite((req: unknown) => {
  const { identifierType, identifierValue } = req as { identifierType: IdentifierType; identifierValue: unknown };
  return typeof identifierValue === 'string'
    ? { ...(req as object), identifierValue: canonicalIdentifier(identifierType, identifierValue) }
    : req;
});

/** A request naming the customer, with more fields; the identifier value is checked against its type, then made canonical. */
export function withCustomer<T extends z.core.$ZodLooseShape>(extra: T) {
  // The checks read only the two identifier fields, which every such object has; TypeScript cannot see that through T.
  return z.object({ ...customer, ...extra }).check(checkIdentifier as never, canonical as never);
}

/** `/auth/v1/token/generate` (first factor: open): the customer alone. */
export const Customer = withCustomer({});
export type Customer = z.infer<typeof Customer>;

/** The seed's `/auth/v1/mfa/otp/generate`, and the first factor's `/auth/v1/otp/generate` with its own session ID. */
export const GenerateOtpRequest = withCustomer({ sessionId: required('sessionId') });
export type GenerateOtpRequest = z.infer<typeof GenerateOtpRequest>;

/** The seed types otp as a String (its example sends a number); we send the string the customer read out. */
export const otpField = () =>
  z
    .string(says('fieldRequired', 'OTP'))
    .check(z.overwrite(canonicalOtp), z.minLength(1, says('fieldRequired', 'OTP')), z.regex(/^\d{4,10}$/, says('otpProblem')));

export const ValidateOtpRequest = withCustomer({ sessionId: required('sessionId'), otp: otpField() });
export type ValidateOtpRequest = z.infer<typeof ValidateOtpRequest>;

export const authorizedTokenField = () => jwtField('authorizedToken', 'authorizedTokenIs');

/** `/auth/v1/mfa/token/generate`: opens an MFA session with the customer's first-factor USER token. */
export const StartMfaSessionRequest = withCustomer({ authorizedToken: authorizedTokenField() });
export type StartMfaSessionRequest = z.infer<typeof StartMfaSessionRequest>;

/** `/auth/v1/mfa/token/regenerate`: a new token for the key of a validated MFA session. */
export const RefreshTokenRequest = withCustomer({ key: jwtField('foldKey', 'theKey') });
export type RefreshTokenRequest = z.infer<typeof RefreshTokenRequest>;

/** `/auth/v1/mfa/token/expire`: ends the session of a token. */
export const EndSessionRequest = withCustomer({ token: jwtField('foldToken', 'theToken') });
export type EndSessionRequest = z.infer<typeof EndSessionRequest>;

/** Field name -> first message, for forms. */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    out[field] ??= issue.message;
  }
  return out;
}
