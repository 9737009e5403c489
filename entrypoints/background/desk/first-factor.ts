// Starting an MFA session: from the customer's USER token the agent pasted, or from nothing through the first factor
// (`token/generate`, `otp/generate`, `otp/validate`), whose USER token then opens the session (`mfa/token/generate`).
import type { CapillaryApi } from '@/lib/capillary/endpoints';
import type { Customer } from '@/lib/capillary/requests';
import type { Rejection } from '@/lib/messaging/protocol';
import { CapillaryApiError } from '@/lib/model/capillary/errors';
import { sameCustomer } from '@/lib/model/desk/customer';
import { tokenRefused } from '@/lib/model/desk/draft';
import type { Outcome } from '@/lib/model/desk/outcome';
import { apiBaseUrlFor, type Settings } from '@/lib/model/settings/settings';
import type { CustomerStore } from '@/lib/platform/storage/customer-store';
import { t } from '@/lib/words/t';
import type { createCooldowns } from './cooldown';
import type { Tracker } from './track';

export interface StartDeps {
  api(baseUrl: string): CapillaryApi;
  settings(): Promise<Settings>;
  tracker: Tracker;
  withCooldown: ReturnType<typeof createCooldowns>;
}

const refuse = (fields: Record<string, string>) => new CapillaryApiError({ kind: 'invalid-request', fields });

export function sessionStarts({ api, settings, tracker: { once, track }, withCooldown }: StartDeps) {
  /** Trades a USER token for an MFA session; the token is spent once Capillary took it or refused it. */
  async function openMfaSession(
    store: CustomerStore,
    capillary: CapillaryApi,
    customer: Customer,
    authorizedToken: string,
  ): Promise<string> {
    try {
      const reply = await capillary.startMfaSession({ ...customer, authorizedToken });
      await store.patch({ firstFactor: null });
      return reply.user.sessionId;
    } catch (error) {
      if (error instanceof CapillaryApiError && tokenRefused(error.detail)) await store.patch({ firstFactor: null });
      throw error;
    }
  }

  /** The first factor under way for this customer on this cluster, if any. */
  async function firstFactorOf(store: CustomerStore, customer: Customer, apiBaseUrl: string) {
    const firstFactor = (await store.get())?.firstFactor;
    return firstFactor && firstFactor.apiBaseUrl === apiBaseUrl && sameCustomer(firstFactor.customer, customer) ? firstFactor : null;
  }

  return {
    /** First factor: opens a first-factor session (`token/generate`) and has Capillary send its OTP (`otp/generate`). */
    sendFirstFactorOtp(store: CustomerStore, customer: Customer): Promise<Outcome | Rejection> {
      return once(store, 'sendFirstFactorOtp', customer, () =>
        withCooldown('sendFirstFactorOtp', customer, 'firstFactor', (apiBaseUrl) =>
          track(store, 'sendFirstFactorOtp', customer, apiBaseUrl, async () => {
            const capillary = api(apiBaseUrl);
            const opened = await capillary.openFirstFactor(customer);
            const sessionId = opened.user.sessionId;
            await capillary.sendFirstFactorOtp({ ...customer, sessionId });
            await store.patch({ firstFactor: { apiBaseUrl, customer, sessionId, attempts: 0 } });
          }),
        ),
      );
    },

    /** First factor: checks the OTP (`otp/validate`), then opens the MFA session with the USER token it gave. */
    verifyFirstFactor(store: CustomerStore, request: Customer & { otp: string }): Promise<Outcome | Rejection> {
      return once(store, 'verifyFirstFactor', request, async () => {
        const apiBaseUrl = apiBaseUrlFor(await settings(), request.brand);
        const { otp, ...customer } = request;
        return track(store, 'verifyFirstFactor', customer, apiBaseUrl, async (facts) => {
          const firstFactor = await firstFactorOf(store, customer, apiBaseUrl);
          if (!firstFactor) throw refuse({ firstFactorOtp: t('firstFactorNotSent') });
          const capillary = api(apiBaseUrl);
          let authorizedToken: string;
          try {
            authorizedToken = (await capillary.validateFirstFactorOtp({ ...customer, sessionId: firstFactor.sessionId, otp })).auth.token;
          } catch (error) {
            // Capillary counts every code it checked against the 5 attempts.
            if (error instanceof CapillaryApiError && error.detail.kind === 'capillary') {
              facts.attempt = firstFactor.attempts + 1;
              await store.patch({ firstFactor: { ...firstFactor, attempts: facts.attempt } });
            }
            throw error;
          }
          // Kept until the MFA session is open, so a stopped worker or a failed next step need not repeat the first factor.
          await store.patch({ firstFactor: { ...firstFactor, attempts: firstFactor.attempts + 1, authorizedToken } });
          facts.sessionId = await openMfaSession(store, capillary, customer, authorizedToken);
        });
      });
    },

    /** MFA: opens a session (`mfa/token/generate`) with the token the agent pasted, or the verified first factor's. */
    startMfaSession(store: CustomerStore, request: Customer & { authorizedToken?: string }): Promise<Outcome | Rejection> {
      return once(store, 'startMfaSession', request, async () => {
        const apiBaseUrl = apiBaseUrlFor(await settings(), request.brand);
        const { authorizedToken, ...customer } = request;
        return track(store, 'startMfaSession', customer, apiBaseUrl, async (facts) => {
          const token = authorizedToken || (await firstFactorOf(store, customer, apiBaseUrl))?.authorizedToken;
          if (!token) throw refuse({ authorizedToken: t('authorizedTokenNeeded') });
          facts.sessionId = await openMfaSession(store, api(apiBaseUrl), customer, token);
        });
      });
    },
  };
}
