// The background's work for the pages: call Capillary, and keep every step in storage.session so that a
// popup closed mid-request, or a worker stopped and restarted, loses nothing. Each call is tracked (track.ts) in the
// customer's record (customer-store.ts); the session start and first factor are in first-factor.ts, the cooldown that
// holds back a second SMS in cooldown.ts.
import type { CapillaryApi } from '@/lib/capillary/endpoints';
import type { GenerateOtpRequest, ValidateOtpRequest } from '@/lib/capillary/requests';
import type { Rejection } from '@/lib/messaging/protocol';
import { redactDeep } from '@/lib/model/capillary/redact';
import { customerOf } from '@/lib/model/desk/customer';
import { draftForNewSession } from '@/lib/model/desk/draft';
import type { Outcome } from '@/lib/model/desk/outcome';
import { apiBaseUrlFor, type Settings } from '@/lib/model/settings/settings';
import { customerStore } from '@/lib/platform/storage/customer-store';
import { historyItem } from '@/lib/platform/storage/items';
import { createCooldowns } from './cooldown';
import { sessionStarts } from './first-factor';
import { createTracker } from './track';

export interface DeskDeps {
  api(baseUrl: string): CapillaryApi;
  /** Whether the browser lets the extension reach the base URL's host. */
  mayReach(baseUrl: string): Promise<boolean>;
  /** The settings calls use, the policy's over the agent's (currentSettings, or the worker's cached copy of them). */
  settings(): Promise<Settings>;
  now(): number;
}

export function createDesk({ api, mayReach, settings: currentSettings, now }: DeskDeps) {
  const store = customerStore();
  const tracker = createTracker({ store, mayReach, now });
  const { once, track } = tracker;
  const withCooldown = createCooldowns(currentSettings, now);

  return {
    ...sessionStarts({ api, settings: currentSettings, store, tracker, withCooldown }),

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
          await store.auth.set({ token: reply.auth.token, key: reply.auth.key, user, receivedAt: now(), apiBaseUrl, customer });
        });
      });
    },

    /** A new token for the key (`mfa/token/regenerate`), from the cluster that issued it. */
    refreshToken(): Promise<Outcome | Rejection> {
      return once('refreshToken', {}, async () => {
        const auth = await store.auth.get();
        if (!auth) return { rejected: 'no-key' };
        return track('refreshToken', auth.customer, auth.apiBaseUrl, async () => {
          const reply = await api(auth.apiBaseUrl).refreshToken({ ...auth.customer, key: auth.key });
          await store.auth.set({ ...auth, token: reply.auth.token, key: reply.auth.key || auth.key, receivedAt: now() });
        });
      });
    },

    /** Ends the session (`mfa/token/expire`), as Capillary advises once the flow is done; token, key and session go. */
    endSession(): Promise<Outcome | Rejection> {
      return once('endSession', {}, async () => {
        const auth = await store.auth.get();
        if (!auth) return { rejected: 'no-token' };
        return track('endSession', auth.customer, auth.apiBaseUrl, async () => {
          await api(auth.apiBaseUrl).endSession({ ...auth.customer, token: auth.token });
          await store.auth.set(null);
        });
      });
    },

    /** "Start a new session": Session ID and codes emptied, the first factor forgotten, the last outcome cleared. */
    async startOver(): Promise<{ done: true }> {
      const draft = await store.form.get();
      await Promise.all([
        draft && store.form.set(draftForNewSession(draft)),
        store.firstFactor.set(null),
        store.activity.set({ inflight: null, outcome: null }),
      ]);
      return { done: true };
    },

    async clearHistory(): Promise<{ cleared: true }> {
      await historyItem.set([]);
      return { cleared: true };
    },
  };
}
