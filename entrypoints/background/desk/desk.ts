// The background's work for the pages: call Capillary, and keep every step in storage.session so that a
// popup closed mid-request, or a worker stopped and restarted, loses nothing. Each call names the customer it is for
// and is tracked (track.ts) in that customer's record (customer-store.ts); the session start and first factor are in
// first-factor.ts, the cooldown that holds back a second SMS in cooldown.ts, opening and closing customers here.
import type { CapillaryApi } from '@/lib/capillary/endpoints';
import type { GenerateOtpRequest, ValidateOtpRequest } from '@/lib/capillary/requests';
import type { Rejection } from '@/lib/messaging/protocol';
import { redactDeep } from '@/lib/model/capillary/redact';
import { customerOf } from '@/lib/model/desk/customer';
import { draftForNewSession } from '@/lib/model/desk/draft';
import type { Outcome } from '@/lib/model/desk/outcome';
import { newForm } from '@/lib/model/desk/popup-snapshot';
import type { Draft } from '@/lib/model/desk/stored';
import { tokenExpiry } from '@/lib/model/jwt/expiry';
import { apiBaseUrlFor, type Settings } from '@/lib/model/settings/settings';
import { type CustomerStore, deskPlaces, selectedItem } from '@/lib/platform/storage/customer-store';
import { cooldownsItem, historyItem } from '@/lib/platform/storage/items';
import { storageMemory } from '@/lib/platform/storage/memory';
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

type For<T = object> = T & { customerId: string };
type Answer = Promise<Outcome | Rejection>;

export function createDesk({ api, mayReach, settings: currentSettings, now }: DeskDeps) {
  // The records and cooldowns are the desk's alone: it remembers them (memory.ts), and a call reads storage only for
  // what this worker has not seen yet.
  const memory = storageMemory('session');
  const places = deskPlaces(memory);
  const { store: customerStore, open: openCustomer, update: updateCustomer } = places;
  const tracker = createTracker({ mayReach, now });
  const { once, track, settled } = tracker;
  const withCooldown = createCooldowns(currentSettings, now, memory);
  const starts = sessionStarts({ api, settings: currentSettings, tracker, withCooldown });

  /** The customer's store, or a refusal when it was closed meanwhile. */
  async function customer<T>(id: string, work: (store: CustomerStore) => Promise<T>): Promise<T | Rejection> {
    const store = customerStore(id);
    return (await store.get()) ? work(store) : { rejected: 'unknown-customer' };
  }

  /** Ends the session (`mfa/token/expire`) at the cluster that issued the token; the token and key go, the session is kept as ended. */
  function end(id: string, action: 'endSession' | 'autoEndSession'): Answer {
    return customer(id, (store) =>
      once(store, action, {}, async () => {
        const auth = (await store.get())?.auth;
        if (!auth) return { rejected: 'no-token' as const };
        return track(store, action, auth.customer, auth.apiBaseUrl, async () => {
          await api(auth.apiBaseUrl).endSession({ ...auth.customer, token: auth.token });
          await store.patch({ auth: null });
        });
      }),
    );
  }

  return {
    // A call is tracked (track.ts), whose first read finds whether the customer is still on the desk.
    sendFirstFactorOtp: ({ customerId, ...request }: For<Parameters<typeof starts.sendFirstFactorOtp>[1]>) =>
      starts.sendFirstFactorOtp(customerStore(customerId), request),
    verifyFirstFactor: ({ customerId, ...request }: For<Parameters<typeof starts.verifyFirstFactor>[1]>) =>
      starts.verifyFirstFactor(customerStore(customerId), request),
    startMfaSession: ({ customerId, ...request }: For<Parameters<typeof starts.startMfaSession>[1]>) =>
      starts.startMfaSession(customerStore(customerId), request),

    sendOtp({ customerId, ...request }: For<GenerateOtpRequest>): Answer {
      const store = customerStore(customerId);
      return once(store, 'sendOtp', request, () =>
        withCooldown('sendOtp', request, 'mfa', (apiBaseUrl) =>
          track(store, 'sendOtp', request, apiBaseUrl, () => api(apiBaseUrl).generateOtp(request)),
        ),
      );
    },

    validateOtp({ customerId, ...request }: For<ValidateOtpRequest>): Answer {
      const store = customerStore(customerId);
      return once(store, 'validateOtp', request, async () => {
        const apiBaseUrl = apiBaseUrlFor(await currentSettings(), request.brand);
        return track(store, 'validateOtp', request, apiBaseUrl, async () => {
          const reply = await api(apiBaseUrl).validateOtp(request);
          const customer = customerOf(request);
          // The user object is kept and shown: nothing the request carried (the code the customer read out, the
          // session, the identifier) comes back in it, nor any secret-named field.
          const user = redactDeep(
            reply.user,
            Object.values(request).filter((value) => typeof value === 'string'),
          );
          const { token, key } = reply.auth;
          await store.patch({ auth: { token, key, user, receivedAt: now(), apiBaseUrl, customer, expiresAt: tokenExpiry(token) } });
        });
      });
    },

    /** A new token for the key (`mfa/token/regenerate`), from the cluster that issued it. */
    refreshToken({ customerId }: For): Answer {
      return customer(customerId, (store) =>
        once(store, 'refreshToken', {}, async () => {
          const auth = (await store.get())?.auth;
          if (!auth) return { rejected: 'no-key' as const };
          return track(store, 'refreshToken', auth.customer, auth.apiBaseUrl, async () => {
            const reply = await api(auth.apiBaseUrl).refreshToken({ ...auth.customer, key: auth.key });
            const token = reply.auth.token;
            await store.patch({
              auth: { ...auth, token, key: reply.auth.key || auth.key, receivedAt: now(), expiresAt: tokenExpiry(token) },
            });
          });
        }),
      );
    },

    endSession: ({ customerId }: For) => end(customerId, 'endSession'),
    /** The idle time set in Settings has passed: the session ends as End session ends it, filed as ended automatically. */
    endIdleSession: (customerId: string) => end(customerId, 'autoEndSession'),

    /** "Start a new session": Session ID and codes emptied, the first factor forgotten, the last outcome cleared. */
    async startOver({ customerId }: For): Promise<{ done: true }> {
      const store = customerStore(customerId);
      const draft = await store.form.get();
      await Promise.all([
        draft && store.form.set(draftForNewSession(draft)),
        store.patch({ firstFactor: null, activity: { inflight: null, outcome: null } }),
      ]);
      return { done: true };
    },

    /** A new customer on the desk, with Settings' brand and device ID (and the identifier given), chosen on screen. */
    async newCustomer(given: Partial<Pick<Draft, 'identifierType' | 'identifierValue'>>): Promise<{ customerId: string } | Rejection> {
      const record = await openCustomer(now(), newForm(await currentSettings(), given));
      if (!record) return { rejected: 'desk-full' };
      await selectedItem.set(record.id);
      return { customerId: record.id };
    },

    /** Closes a customer: a token it still holds is expired first, and it stays open if that fails. */
    async closeCustomer({ customerId }: For): Promise<{ closed: true } | Outcome | Rejection> {
      const record = await customerStore(customerId).get();
      if (!record) return { closed: true };
      if (record.auth) {
        const ended = await end(customerId, 'endSession');
        if ('rejected' in ended || !ended.result.ok) return ended;
      }
      // Its calls' writes land first, so that none refills an emptied place.
      await settled();
      await updateCustomer(customerId, () => null);
      return { closed: true };
    },

    /**
     * What a call reads before it sends (the customers' records, the cooldowns) read at once, as a worker starts:
     * a worker woken by a click has them by the time the click's message reaches the desk.
     */
    recall: () => Promise.all([places.customers(), memory.read(cooldownsItem)]),

    /** The customers on the desk, from the desk's memory: the badge, the idle time and host access look at them. */
    customers: places.customers,

    /** Every call's writes have landed (the reply to a call comes before its form and history are written). */
    settled,

    async clearHistory(): Promise<{ cleared: true }> {
      await historyItem.set([]);
      return { cleared: true };
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;
