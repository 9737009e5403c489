// The background's work for the popup: call Capillary, and keep every step in storage.session so that a
// popup closed mid-request, or a worker stopped and restarted, loses nothing.
import type { CapillaryApi } from '@/lib/capillary/client';
import { CapillaryApiError, type DeskError } from '@/lib/capillary/errors';
import type { GenerateOtpRequest, ValidateOtpRequest } from '@/lib/capillary/schemas';
import {
  activityItem,
  authItem,
  cooldownKey,
  cooldownsItem,
  draftItem,
  historyItem,
  mfaSessionItem,
  settingsItem,
} from '@/lib/storage/items';
import { type Action, type Outcome, subjectOf } from './outcome';
import { recordInHistory, recordInSession } from './record';

export interface DeskDeps {
  api(baseUrl: string): CapillaryApi;
  /** Whether the browser lets the extension reach the base URL's host. */
  mayReach(baseUrl: string): Promise<boolean>;
  now(): number;
}

export function createDesk({ api, mayReach, now }: DeskDeps) {
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

  async function track(action: Action, request: GenerateOtpRequest, apiBaseUrl: string, call: () => Promise<unknown>): Promise<Outcome> {
    const subject = subjectOf(request);
    await activityItem.set({ inflight: { action, subject, startedAt: now() }, outcome: null });
    let result: Outcome['result'];
    try {
      if (!(await mayReach(apiBaseUrl))) throw new CapillaryApiError({ kind: 'no-permission', origin: new URL(apiBaseUrl).origin });
      await call();
      result = { ok: true };
    } catch (error) {
      result = { ok: false, error: toDeskError(error) };
    }
    const outcome: Outcome = { action, subject, finishedAt: now(), result };
    const [session, history] = await Promise.all([mfaSessionItem.get(), historyItem.get()]);
    await Promise.all([
      activityItem.set({ inflight: null, outcome }),
      mfaSessionItem.set(recordInSession(session, request, outcome, apiBaseUrl)),
      historyItem.set(recordInHistory(history, outcome, apiBaseUrl)),
    ]);
    return outcome;
  }

  return {
    sendOtp(request: GenerateOtpRequest): Promise<Outcome> {
      return once('sendOtp', request, async () => {
        const settings = await settingsItem.get();
        const key = cooldownKey(request.brand, request.identifierType, request.identifierValue);
        const until = (await cooldownsItem.get())[key] ?? 0;
        if (until > now()) {
          return {
            action: 'sendOtp',
            subject: subjectOf(request),
            finishedAt: now(),
            result: { ok: false, error: { kind: 'cooldown', until } },
          };
        }
        const outcome = await track('sendOtp', request, settings.apiBaseUrl, () => api(settings.apiBaseUrl).generateOtp(request));
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
        const outcome = await track('validateOtp', request, settings.apiBaseUrl, async () => {
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

    async clearHistory(): Promise<{ cleared: true }> {
      await historyItem.set([]);
      return { cleared: true };
    },
  };
}

function toDeskError(error: unknown): DeskError {
  if (error instanceof CapillaryApiError) return error.detail;
  return { kind: 'internal', name: error instanceof Error ? error.name : 'unknown' };
}

function dropExpired(cooldowns: Record<string, number>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(cooldowns).filter(([, until]) => until > now));
}
