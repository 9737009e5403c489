// The background's work for the pages: call Capillary, and keep every step in storage.session so that a
// popup closed mid-request, or a worker stopped and restarted, loses nothing.
import type { CapillaryApi } from '@/lib/capillary/client';
import type { Customer, GenerateOtpRequest, ValidateOtpRequest } from '@/lib/capillary/requests';
import type { Rejection } from '@/lib/messaging/protocol';
import { CapillaryApiError, type DeskError } from '@/lib/model/capillary/errors';
import { redactDeep } from '@/lib/model/capillary/redact';
import { cooldownKey, customerOf, type OtpStep, sameCustomer } from '@/lib/model/desk/customer';
import { draftAfter, draftForNewSession, tokenRefused } from '@/lib/model/desk/draft';
import type { Action, Outcome } from '@/lib/model/desk/outcome';
import { recordInHistory, recordInSession, type Who } from '@/lib/model/desk/record';
import { subjectOf } from '@/lib/model/desk/subject';
import { apiBaseUrlFor, type Settings } from '@/lib/model/settings/settings';
import { log } from '@/lib/platform/log';
import {
  activityItem,
  authItem,
  cooldownsItem,
  draftItem,
  firstFactorItem,
  historyItem,
  mfaSessionItem,
} from '@/lib/platform/storage/items';
import { t } from '@/lib/words/t';

export interface DeskDeps {
  api(baseUrl: string): CapillaryApi;
  /** Whether the browser lets the extension reach the base URL's host. */
  mayReach(baseUrl: string): Promise<boolean>;
  /** The settings calls use, the policy's over the agent's (currentSettings, or the worker's cached copy of them). */
  settings(): Promise<Settings>;
  now(): number;
}

/** What a call learns on its way, for the outcome: the session it opened, the attempt it was. */
type Facts = { sessionId?: string; attempt?: number };

const refuse = (fields: Record<string, string>) => new CapillaryApiError({ kind: 'invalid-request', fields });

export function createDesk({ api, mayReach, settings: currentSettings, now }: DeskDeps) {
  // Identical requests already on their way: a double click joins the first call instead of sending twice.
  const pending = new Map<string, Promise<Outcome | Rejection>>();

  function once<T extends Outcome | Rejection>(action: Action, request: object, run: () => Promise<T>): Promise<T> {
    const id = `${action}:${JSON.stringify(request)}`;
    const existing = pending.get(id);
    if (existing) return existing as Promise<T>;
    const call = run().finally(() => pending.delete(id));
    pending.set(id, call);
    return call;
  }

  /**
   * Runs one step of the chain: in-flight record and an "interrupted" history line first (so a worker stopped mid-call
   * leaves both), then the call, then the outcome, session, history and form.
   */
  async function track(action: Action, who: Who, apiBaseUrl: string, call: (facts: Facts) => Promise<unknown>): Promise<Outcome> {
    const subject = subjectOf(who);
    const startedAt = now();
    const interrupted: Outcome = { action, subject, finishedAt: startedAt, result: { ok: false, error: { kind: 'interrupted' } } };
    await Promise.all([
      activityItem.set({ inflight: { action, subject, startedAt }, outcome: null }),
      historyItem.get().then((history) => historyItem.set(recordInHistory(history, interrupted, apiBaseUrl))),
    ]);
    const facts: Facts = {};
    let result: Outcome['result'];
    try {
      if (!(await mayReach(apiBaseUrl))) throw new CapillaryApiError({ kind: 'no-permission', origin: new URL(apiBaseUrl).origin });
      await call(facts);
      result = facts.sessionId ? { ok: true, sessionId: facts.sessionId } : { ok: true };
    } catch (error) {
      result = { ok: false, error: toDeskError(error) };
    }
    let outcome: Outcome = { action, subject, finishedAt: now(), result };
    const [session, history, draft] = await Promise.all([mfaSessionItem.get(), historyItem.get(), draftItem.get()]);
    const nextSession = recordInSession(session, who, outcome, apiBaseUrl);
    const attempt = action === 'validateOtp' ? nextSession?.events.at(-1)?.attempt : facts.attempt;
    if (attempt) outcome = { ...outcome, attempt };
    const nextDraft = draft && draftAfter(draft, outcome);
    const writes = await Promise.allSettled([
      activityItem.set({ inflight: null, outcome }),
      mfaSessionItem.set(nextSession),
      historyItem.set(recordInHistory(history, outcome, apiBaseUrl, startedAt)),
      nextDraft !== draft && draftItem.set(nextDraft),
    ]);
    const failed = writes.filter((write) => write.status === 'rejected');
    if (failed.length > 0) {
      log.error('A storage write after a call failed', failed[0].reason);
      // The call is over whatever storage says: never leave it "in flight", and show its outcome if storage takes it.
      await activityItem.set({ inflight: null, outcome }).catch(() => activityItem.set({ inflight: null, outcome: null }));
    }
    return outcome;
  }

  /**
   * Sends an OTP unless one just went to this customer: a second SMS within the cooldown is held back. The cooldown
   * starts before the request leaves, so a worker stopped mid-call cannot allow an instant resend; it is lifted only
   * when the call certainly sent nothing.
   */
  async function withCooldown(action: Action, who: Customer, step: OtpStep, send: (apiBaseUrl: string) => Promise<Outcome>) {
    const settings = await currentSettings();
    const key = cooldownKey(who.brand, who.identifierType, who.identifierValue, step);
    const cooldowns = dropExpired(await cooldownsItem.get(), now());
    const until = cooldowns[key] ?? 0;
    if (until > now()) {
      const held: Outcome = {
        action,
        subject: subjectOf(who),
        finishedAt: now(),
        result: { ok: false, error: { kind: 'cooldown', until } },
      };
      return held;
    }
    if (settings.cooldownSeconds > 0) await cooldownsItem.set({ ...cooldowns, [key]: now() + settings.cooldownSeconds * 1000 });
    const outcome = await send(apiBaseUrlFor(settings, who.brand));
    if (!outcome.result.ok && certainlyNotSent(outcome.result.error)) {
      const { [key]: _lifted, ...others } = await cooldownsItem.get();
      await cooldownsItem.set(others);
    }
    return outcome;
  }

  /** Trades a USER token for an MFA session; the token is spent once Capillary took it or refused it. */
  async function openMfaSession(capillary: CapillaryApi, customer: Customer, authorizedToken: string): Promise<string> {
    try {
      const reply = await capillary.startMfaSession({ ...customer, authorizedToken });
      await firstFactorItem.set(null);
      return reply.user.sessionId;
    } catch (error) {
      if (error instanceof CapillaryApiError && tokenRefused(error.detail)) await firstFactorItem.set(null);
      throw error;
    }
  }

  /** The first factor under way for this customer on this cluster, if any. */
  async function firstFactorOf(customer: Customer, apiBaseUrl: string) {
    const firstFactor = await firstFactorItem.get();
    return firstFactor && firstFactor.apiBaseUrl === apiBaseUrl && sameCustomer(firstFactor.customer, customer) ? firstFactor : null;
  }

  return {
    /** First factor: opens a first-factor session (`token/generate`) and has Capillary send its OTP (`otp/generate`). */
    sendFirstFactorOtp(customer: Customer): Promise<Outcome> {
      return once('sendFirstFactorOtp', customer, () =>
        withCooldown('sendFirstFactorOtp', customer, 'firstFactor', (apiBaseUrl) =>
          track('sendFirstFactorOtp', customer, apiBaseUrl, async () => {
            const capillary = api(apiBaseUrl);
            const opened = await capillary.openFirstFactor(customer);
            const sessionId = opened.user.sessionId;
            await capillary.sendFirstFactorOtp({ ...customer, sessionId });
            await firstFactorItem.set({ apiBaseUrl, customer, sessionId, attempts: 0 });
          }),
        ),
      );
    },

    /** First factor: checks the OTP (`otp/validate`), then opens the MFA session with the USER token it gave. */
    verifyFirstFactor(request: Customer & { otp: string }): Promise<Outcome> {
      return once('verifyFirstFactor', request, async () => {
        const apiBaseUrl = apiBaseUrlFor(await currentSettings(), request.brand);
        const { otp, ...customer } = request;
        return track('verifyFirstFactor', customer, apiBaseUrl, async (facts) => {
          const firstFactor = await firstFactorOf(customer, apiBaseUrl);
          if (!firstFactor) {
            throw refuse({ firstFactorOtp: t('firstFactorNotSent') });
          }
          const capillary = api(apiBaseUrl);
          let authorizedToken: string;
          try {
            authorizedToken = (await capillary.validateFirstFactorOtp({ ...customer, sessionId: firstFactor.sessionId, otp })).auth.token;
          } catch (error) {
            // Capillary counts every code it checked against the 5 attempts.
            if (error instanceof CapillaryApiError && error.detail.kind === 'capillary') {
              facts.attempt = firstFactor.attempts + 1;
              await firstFactorItem.set({ ...firstFactor, attempts: facts.attempt });
            }
            throw error;
          }
          // Kept until the MFA session is open, so a stopped worker or a failed next step need not repeat the first factor.
          await firstFactorItem.set({ ...firstFactor, attempts: firstFactor.attempts + 1, authorizedToken });
          facts.sessionId = await openMfaSession(capillary, customer, authorizedToken);
        });
      });
    },

    /** MFA: opens a session (`mfa/token/generate`) with the token the agent pasted, or the verified first factor's. */
    startMfaSession(request: Customer & { authorizedToken?: string }): Promise<Outcome> {
      return once('startMfaSession', request, async () => {
        const apiBaseUrl = apiBaseUrlFor(await currentSettings(), request.brand);
        const { authorizedToken, ...customer } = request;
        return track('startMfaSession', customer, apiBaseUrl, async (facts) => {
          const token = authorizedToken || (await firstFactorOf(customer, apiBaseUrl))?.authorizedToken;
          if (!token) throw refuse({ authorizedToken: t('authorizedTokenNeeded') });
          facts.sessionId = await openMfaSession(api(apiBaseUrl), customer, token);
        });
      });
    },

    sendOtp(request: GenerateOtpRequest): Promise<Outcome> {
      return once('sendOtp', request, () =>
        withCooldown('sendOtp', request, 'mfa', (apiBaseUrl) =>
          track('sendOtp', request, apiBaseUrl, () => api(apiBaseUrl).generateOtp(request)),
        ),
      );
    },

    validateOtp(request: ValidateOtpRequest): Promise<Outcome> {
      return once('validateOtp', request, async () => {
        const apiBaseUrl = apiBaseUrlFor(await currentSettings(), request.brand);
        return track('validateOtp', request, apiBaseUrl, async () => {
          const reply = await api(apiBaseUrl).validateOtp(request);
          const customer = customerOf(request);
          // The user object is kept and shown: nothing the request carried (the code the customer read out, the
          // session, the identifier) comes back in it, nor any secret-named field.
          const user = redactDeep(
            reply.user,
            Object.values(request).filter((value) => typeof value === 'string'),
          );
          await authItem.set({ token: reply.auth.token, key: reply.auth.key, user, receivedAt: now(), apiBaseUrl, customer });
        });
      });
    },

    /** A new token for the key (`mfa/token/regenerate`), from the cluster that issued it. */
    refreshToken(): Promise<Outcome | Rejection> {
      return once('refreshToken', {}, async () => {
        const auth = await authItem.get();
        if (!auth) return { rejected: 'no-key' };
        return track('refreshToken', auth.customer, auth.apiBaseUrl, async () => {
          const reply = await api(auth.apiBaseUrl).refreshToken({ ...auth.customer, key: auth.key });
          await authItem.set({ ...auth, token: reply.auth.token, key: reply.auth.key || auth.key, receivedAt: now() });
        });
      });
    },

    /** Ends the session (`mfa/token/expire`), as Capillary advises once the flow is done; token, key and session go. */
    endSession(): Promise<Outcome | Rejection> {
      return once('endSession', {}, async () => {
        const auth = await authItem.get();
        if (!auth) return { rejected: 'no-token' };
        return track('endSession', auth.customer, auth.apiBaseUrl, async () => {
          await api(auth.apiBaseUrl).endSession({ ...auth.customer, token: auth.token });
          await authItem.set(null);
        });
      });
    },

    /** "Start a new session": Session ID and codes emptied, the first factor forgotten, the last outcome cleared. */
    async startOver(): Promise<{ done: true }> {
      const draft = await draftItem.get();
      await Promise.all([
        draft && draftItem.set(draftForNewSession(draft)),
        firstFactorItem.set(null),
        activityItem.set({ inflight: null, outcome: null }),
      ]);
      return { done: true };
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

/**
 * Failures after which no OTP can have gone out: Capillary refused (its rate limit too), or the request never left.
 * Not a redirect: the server that answered with it did receive the POST, and may have sent the OTP.
 */
function certainlyNotSent(error: DeskError): boolean {
  return error.kind === 'capillary' || error.kind === 'rate-limited' || error.kind === 'invalid-request' || error.kind === 'no-permission';
}

function dropExpired(cooldowns: Record<string, number>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(cooldowns).filter(([, until]) => until > now));
}
