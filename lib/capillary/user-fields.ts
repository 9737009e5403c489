// The `user` object of a successful MFA validate, field by field (mfa-otp-validate.seed.md).
import { HIDDEN } from '@/lib/format/mask';
import type { MfaUser } from './schemas';

const MEANING: Record<string, string> = {
  appRegistered: 'Whether the customer is registered in the brand’s app.',
  sessionId: 'Session ID for the MFA flow; Capillary often returns null here.',
  role: 'The customer’s role after this login (VIEW, USER, …).',
  userRegisteredForPassword: 'Whether the customer has set a password.',
};

/**
 * Every field with what it means. A field the seed documents do not describe may hold personal data (a name, a
 * number), so its value stays hidden until the agent turns on "Show personal data".
 */
export function explainUser(
  user: MfaUser,
  { showPersonal = false, screenShare = false } = {},
): { name: string; value: string; meaning: string }[] {
  return Object.entries(user).map(([name, value]) => {
    const known = Object.hasOwn(MEANING, name);
    // Screen-share mode hides the session ID too, and shows no personal data.
    const visible = screenShare ? known && name !== 'sessionId' : known || showPersonal;
    return {
      name,
      value: visible ? (typeof value === 'string' ? value : String(JSON.stringify(value))) : HIDDEN,
      meaning: known ? MEANING[name] : 'A field the seed documents do not describe; it may be personal data.',
    };
  });
}
