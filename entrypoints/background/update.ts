// Updates never drop a session. The browser clears storage.session when it reloads the extension to update it,
// which would end the token, key and MFA session an agent is in the middle of. So when an update is ready
// (runtime.onUpdateAvailable) the background records it here and applies it (runtime.reload) only once nothing is
// live: at once when nothing is, else when the session ends (End session, its 15 minutes, Start over) or when the
// agent clicks "Install now". The popup and side panel say an update is waiting while it waits.
// Chrome holds an update back for an MV3 extension only while it is not idle (a worker or a page running:
// extensions/browser/update_install_gate.cc), whatever the extension listens to; Firefox holds it for as long as
// onUpdateAvailable has a listener. So the worker is kept running (an API call every 25 s, which Chrome counts as
// activity) for as long as anything is live: an update that arrives then is held, and this module decides.
import { browser } from 'wxt/browser';
import { SESSION_MINUTES } from '@/lib/model/capillary/defaults';
import { formKey, SLOTS } from '@/lib/model/desk/desk-keys';
import { readDraft } from '@/lib/model/desk/popup-snapshot';
import type { MfaSession } from '@/lib/model/desk/session';
import { allCustomers, formOf, RECORD_KEYS } from '@/lib/platform/storage/customer-store';
import { pendingUpdateItem } from '@/lib/platform/storage/items';

/** The alarm that applies a waiting update when the session's time is up, even if the worker was stopped since. */
export const UPDATE_ALARM = 'apply-update';

export interface CustomerState {
  session: MfaSession | null;
  tokenHeld: boolean;
  firstFactorUnderWay: boolean;
  /** The Session ID the agent's form names: after Start over it is empty, and the session is left. */
  draftSessionId: string;
}

/** Until when an update must wait for one customer: for ever while a token or first factor is held, the session's end while the form is in it, else not at all. */
export function liveUntil({ session, tokenHeld, firstFactorUnderWay, draftSessionId }: CustomerState, now: number): number | null {
  if (tokenHeld || firstFactorUnderWay) return Number.POSITIVE_INFINITY;
  if (!session || session.endedAt !== undefined || session.sessionId !== draftSessionId.trim()) return null;
  const ends = session.beganAt + SESSION_MINUTES * 60_000;
  return ends > now ? ends : null;
}

/** Until when an update must wait for the whole desk: the latest of its customers'. */
export function deskLiveUntil(customers: CustomerState[], now: number): number | null {
  const untils = customers.map((customer) => liveUntil(customer, now)).filter((until) => until !== null);
  return untils.length > 0 ? Math.max(...untils) : null;
}

export interface UpdaterDeps {
  deskState(): Promise<CustomerState[]>;
  /** Applies the update the browser holds (runtime.reload). */
  reload(): void;
  /** Asks to be checked again at this time (an alarm, which outlives the worker). */
  checkAt(when: number): void;
  /** Keeps the worker running (true) while something is live, so the browser holds an update back; or lets it stop. */
  keepAlive(on: boolean): void;
  now(): number;
}

/** How often the kept-alive worker calls an extension API: under Chrome's 30 s idle limit. */
export const HEARTBEAT_MS = 25_000;

export function createUpdater(deps: UpdaterDeps) {
  /**
   * Keeps the worker up while anything is live (and looks again when the session's time is up), and applies a
   * waiting update once nothing is.
   */
  async function applyWhenIdle(): Promise<void> {
    const [pending, state] = await Promise.all([pendingUpdateItem.get(), deps.deskState()]);
    const until = deskLiveUntil(state, deps.now());
    deps.keepAlive(until !== null);
    if (until !== null && Number.isFinite(until)) deps.checkAt(until);
    if (pending && until === null) deps.reload();
  }
  return {
    applyWhenIdle,
    /**
     * runtime.onUpdateAvailable: recorded, so the pages say so. The background watches the record with the desk's
     * items and calls applyWhenIdle on every change, this one included.
     */
    available: (version: string) => pendingUpdateItem.set({ version }),
  };
}

/**
 * Calls back whenever what decides a waiting update changes: the record itself, a customer's record, or the Session
 * ID a form names. Not every keystroke: the popup saves its form as the agent types.
 */
export function watchLiveness(callback: () => void): void {
  const sessionIds = new Map<string, string>();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session') return;
    let changed = pendingUpdateItem.key in changes || RECORD_KEYS.some((key) => key in changes);
    for (const slot of SLOTS) {
      const key = formKey(slot);
      if (!(key in changes)) continue;
      const sessionId = readDraft(changes[key].newValue)?.sessionId ?? '';
      if (sessionIds.get(key) !== sessionId) changed = true;
      sessionIds.set(key, sessionId);
    }
    if (changed) callback();
  });
}

/** The updater wired to the browser: the desk's customers, alarms, and an API call every 25 s as the heartbeat. */
export function browserUpdater(reload: () => void) {
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  return createUpdater({
    deskState: async () => {
      const customers = await allCustomers();
      const forms = await Promise.all(customers.map((customer) => formOf(customer.id).get()));
      return customers.map(({ session, auth, firstFactor }, index) => ({
        session,
        tokenHeld: auth !== null,
        firstFactorUnderWay: firstFactor !== null,
        draftSessionId: forms[index]?.sessionId ?? '',
      }));
    },
    reload,
    checkAt: (when) => void browser.alarms.create(UPDATE_ALARM, { when }),
    keepAlive: (on) => {
      if (on) {
        heartbeat ??= setInterval(() => void browser.runtime.getPlatformInfo(), HEARTBEAT_MS);
      } else {
        clearInterval(heartbeat);
        heartbeat = undefined;
      }
    },
    now: Date.now,
  });
}
