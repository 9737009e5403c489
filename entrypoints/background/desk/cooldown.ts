// A second SMS to the same customer within the cooldown is held back. The cooldown starts before the request leaves,
// so a worker stopped mid-call cannot allow an instant resend; it is lifted only when the call certainly sent nothing.
import type { Rejection } from '@/lib/messaging/protocol';
import type { DeskError } from '@/lib/model/capillary/errors';
import { cooldownKey, type OtpStep } from '@/lib/model/desk/customer';
import type { Action, Outcome } from '@/lib/model/desk/outcome';
import type { StoredCustomer } from '@/lib/model/desk/stored';
import { subjectOf } from '@/lib/model/desk/subject';
import { apiBaseUrlFor, type Settings } from '@/lib/model/settings/settings';
import { cooldownsItem } from '@/lib/platform/storage/items';
import type { Memory } from '@/lib/platform/storage/memory';

/**
 * Whether no OTP can have gone out after a failure of this kind: Capillary refused (its rate limit too), or the
 * request never left. Not a redirect: the server that answered with it did receive the POST, and may have sent it.
 */
const NOTHING_SENT: Record<DeskError['kind'], boolean> = {
  capillary: true,
  'rate-limited': true,
  'invalid-request': true,
  'no-permission': true,
  http: false,
  timeout: false,
  network: false,
  'bad-response': false,
  redirect: false,
  'too-large': false,
  cooldown: false,
  rejected: false,
  interrupted: false,
  internal: false,
};

export function createCooldowns(settings: () => Promise<Settings>, now: () => number, memory: Memory) {
  return async function withCooldown(
    action: Action,
    who: StoredCustomer,
    step: OtpStep,
    send: (apiBaseUrl: string) => Promise<Outcome | Rejection>,
  ): Promise<Outcome | Rejection> {
    const [current, stored] = await Promise.all([settings(), memory.read(cooldownsItem)]);
    const key = cooldownKey(who.identifierType, who.identifierValue, step);
    const cooldowns = dropExpired(stored, now());
    const until = cooldowns[key] ?? 0;
    if (until > now()) {
      return { action, subject: subjectOf(who), finishedAt: now(), result: { ok: false, error: { kind: 'cooldown', until } } };
    }
    if (current.cooldownSeconds > 0) await memory.write(cooldownsItem, { ...cooldowns, [key]: now() + current.cooldownSeconds * 1000 });
    const outcome = await send(apiBaseUrlFor(current, who.brand));
    // Refused before it left (the customer was closed meanwhile), or nothing can have gone out.
    if ('rejected' in outcome || (!outcome.result.ok && NOTHING_SENT[outcome.result.error.kind])) {
      const { [key]: _lifted, ...others } = await memory.read(cooldownsItem);
      await memory.write(cooldownsItem, others);
    }
    return outcome;
  };
}

function dropExpired(cooldowns: Record<string, number>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(cooldowns).filter(([, until]) => until > now));
}
