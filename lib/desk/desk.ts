// The background's work for the popup: call Capillary, and keep every step in storage.session so that a
// popup closed mid-request, or a worker stopped and restarted, loses nothing.
import type { CapillaryApi } from '@/lib/capillary/client';
import { CapillaryApiError, type DeskError } from '@/lib/capillary/errors';
import type { GenerateOtpRequest, ValidateOtpRequest } from '@/lib/capillary/schemas';
import { maskIdentifier } from '@/lib/format/mask';
import { activityItem, authItem, cooldownKey, cooldownsItem, draftItem, settingsItem } from '@/lib/storage/items';
import type { Action, Outcome, Subject } from './outcome';

export interface DeskDeps {
  api(baseUrl: string): CapillaryApi;
  now(): number;
}

export function createDesk({ api, now }: DeskDeps) {
  // Identical requests already on their way: a double click joins the first call instead of sending twice.
  const pending = new Map<string, Promise<Outcome>>();

  function once(action: Action, request: GenerateOtpRequest, run: () => Promise<Outcome>): Promise<Outcome> {
    const id = `${action}:${JSON.stringify(request)}`;
    const existing = pending.get(id);
    if (existing) return existing;
    const call = run().finally(() => pending.delete(id));
    pending.set(id, call);
    return call;
  }

  async function track(action: Action, subject: Subject, call: () => Promise<unknown>): Promise<Outcome> {
    await activityItem.set({ inflight: { action, subject, startedAt: now() }, outcome: null });
    let result: Outcome['result'];
    try {
      await call();
      result = { ok: true };
    } catch (error) {
      result = { ok: false, error: toDeskError(error) };
    }
    const outcome: Outcome = { action, subject, finishedAt: now(), result };
    await activityItem.set({ inflight: null, outcome });
    return outcome;
  }

  return {
    sendOtp(request: GenerateOtpRequest): Promise<Outcome> {
      return once('sendOtp', request, async () => {
        const subject = subjectOf(request);
        const settings = await settingsItem.get();
        const key = cooldownKey(request.brand, request.identifierType, request.identifierValue);
        const until = (await cooldownsItem.get())[key] ?? 0;
        if (until > now()) {
          return { action: 'sendOtp', subject, finishedAt: now(), result: { ok: false, error: { kind: 'cooldown', until } } };
        }
        const outcome = await track('sendOtp', subject, () => api(settings.apiBaseUrl).generateOtp(request));
        if (outcome.result.ok && settings.cooldownSeconds > 0) {
          const cooldowns = dropExpired(await cooldownsItem.get(), now());
          await cooldownsItem.set({ ...cooldowns, [key]: now() + settings.cooldownSeconds * 1000 });
        }
        return outcome;
      });
    },

    validateOtp(request: ValidateOtpRequest): Promise<Outcome> {
      return once('validateOtp', request, async () => {
        const settings = await settingsItem.get();
        const outcome = await track('validateOtp', subjectOf(request), async () => {
          const reply = await api(settings.apiBaseUrl).validateOtp(request);
          await authItem.set({
            token: reply.auth.token,
            key: reply.auth.key,
            user: reply.user,
            receivedAt: now(),
            apiBaseUrl: settings.apiBaseUrl,
          });
        });
        // An OTP is spent once validated, and a wrong one must be typed afresh: never keep it.
        const draft = await draftItem.get();
        if (draft?.otp) await draftItem.set({ ...draft, otp: '' });
        return outcome;
      });
    },
  };
}

function subjectOf(request: GenerateOtpRequest): Subject {
  return {
    identifierType: request.identifierType,
    maskedIdentifier: maskIdentifier(request.identifierType, request.identifierValue),
    brand: request.brand,
  };
}

function toDeskError(error: unknown): DeskError {
  if (error instanceof CapillaryApiError) return error.detail;
  return { kind: 'internal', name: error instanceof Error ? error.name : 'unknown' };
}

function dropExpired(cooldowns: Record<string, number>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(cooldowns).filter(([, until]) => until > now));
}
