// The `user` object of a successful MFA validate, field by field (mfa-otp-validate.seed.md).

import type { MfaUser } from '@/lib/model/capillary/schemas';
import { HIDDEN } from '@/lib/model/format/mask';
import type { MessageKey } from './en';
import { t } from './t';

const MEANING: Record<string, MessageKey> = {
  appRegistered: 'userAppRegistered',
  sessionId: 'userSessionId',
  role: 'userRole',
  userRegisteredForPassword: 'userRegisteredForPassword',
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
      meaning: t(known ? MEANING[name] : 'userUnknownField'),
    };
  });
}
