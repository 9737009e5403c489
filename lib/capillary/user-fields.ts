// The `user` object of a successful MFA validate, field by field (mfa-otp-validate.seed.md).
import type { MfaUser } from './schemas';

const MEANING: Record<string, string> = {
  appRegistered: 'Whether the customer is registered in the brand’s app.',
  sessionId: 'Session ID for the MFA flow; Capillary often returns null here.',
  role: 'The customer’s role after this login (VIEW, USER, …).',
  userRegisteredForPassword: 'Whether the customer has set a password.',
};

export function explainUser(user: MfaUser): { name: string; value: string; meaning: string }[] {
  return Object.entries(user).map(([name, value]) => ({
    name,
    value: typeof value === 'string' ? value : JSON.stringify(value),
    meaning: MEANING[name] ?? 'A field the seed documents do not describe.',
  }));
}
