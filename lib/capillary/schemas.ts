// The Capillary MFA contract, as the two seed documents give it:
// ../shared/capillary-api/mfa-otp-generate.seed.md and mfa-otp-validate.seed.md.
// Replies are loose objects: fields Capillary adds later are kept, missing required ones fail.
import * as z from 'zod/mini';

export const IDENTIFIER_TYPES = ['MOBILE', 'EMAIL', 'USERNAME', 'EXTERNALID'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

const MAX_FIELD = 256;

function required(label: string) {
  return z
    .string({ error: `${label} is required.` })
    .check(z.trim(), z.minLength(1, `${label} is required.`), z.maxLength(MAX_FIELD, `${label} is longer than ${MAX_FIELD} characters.`));
}

const MOBILE = /^\+?\d{6,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with an identifier value of a given type, in words an agent acts on; null when it is fine. */
export function identifierProblem(type: IdentifierType, value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Identifier value is required.';
  if (v.length > MAX_FIELD) return `Identifier value is longer than ${MAX_FIELD} characters.`;
  if (type === 'MOBILE' && !MOBILE.test(v)) {
    return 'A mobile number is 6 to 15 digits with an optional leading +, no spaces or dashes.';
  }
  if (type === 'EMAIL' && !EMAIL.test(v)) return 'An email address looks like name@example.com.';
  return null;
}

const identity = {
  identifierType: z.enum(IDENTIFIER_TYPES, {
    error: 'Identifier type must be MOBILE, EMAIL, USERNAME or EXTERNALID.',
  }),
  identifierValue: required('Identifier value'),
  deviceId: required('Device ID'),
  brand: required('Brand'),
  sessionId: required('Session ID'),
};

const checkIdentifier = z.superRefine((req: { identifierType: IdentifierType; identifierValue: string }, ctx) => {
  const problem = identifierProblem(req.identifierType, req.identifierValue);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['identifierValue'], input: req.identifierValue });
});

export const GenerateOtpRequest = z.object(identity).check(checkIdentifier);
export type GenerateOtpRequest = z.infer<typeof GenerateOtpRequest>;

export const ValidateOtpRequest = z
  .object({
    ...identity,
    // The seed types otp as a String (its example sends a number); we send the string the customer read out.
    otp: z
      .string({ error: 'OTP is required.' })
      .check(z.trim(), z.minLength(1, 'OTP is required.'), z.regex(/^\d{4,10}$/, 'The OTP is the 4 to 10 digits the customer reads out.')),
  })
  .check(checkIdentifier);
export type ValidateOtpRequest = z.infer<typeof ValidateOtpRequest>;

export const Status = z.looseObject({
  success: z.boolean(),
  code: z.number().check(z.int()),
  message: z.string(),
});

export const GenerateOtpResponse = z.looseObject({ status: Status });
export type GenerateOtpResponse = z.infer<typeof GenerateOtpResponse>;

export const MfaUser = z.looseObject({
  appRegistered: z.boolean(),
  sessionId: z.nullable(z.string()),
  role: z.string(),
  userRegisteredForPassword: z.boolean(),
});
export type MfaUser = z.infer<typeof MfaUser>;

export const ValidateOtpResponse = z.looseObject({
  status: Status,
  auth: z.looseObject({ token: z.string().check(z.minLength(1)), key: z.string().check(z.minLength(1)) }),
  user: MfaUser,
});
export type ValidateOtpResponse = z.infer<typeof ValidateOtpResponse>;

/** Field name -> first message, for forms. */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    out[field] ??= issue.message;
  }
  return out;
}
