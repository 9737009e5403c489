// Updates never drop a session. The browser clears storage.session when it reloads the extension to update it,
// which would end the token, key and MFA session an agent is in the middle of. So when an update is ready
// (runtime.onUpdateAvailable) the background records it here and applies it (runtime.reload) only once nothing is
// live: at once when nothing is, else when the session ends (End session, its 15 minutes, Start over) or when the
// agent clicks "Install now". The popup and side panel say an update is waiting while it waits.
import * as z from 'zod/mini';
import { SESSION_MINUTES } from '@/lib/capillary/defaults';
import type { MfaSession } from '@/lib/desk/session';
import { defineItem } from '@/lib/storage/define-item';

export const PendingUpdate = z.object({ version: z.string().check(z.maxLength(64)) });
export type PendingUpdate = z.infer<typeof PendingUpdate>;

export const pendingUpdateItem = defineItem<PendingUpdate | null>('session', 'pendingUpdate', z.nullable(PendingUpdate), null);

/** The alarm that applies a waiting update when the session's time is up, even if the worker was stopped since. */
export const UPDATE_ALARM = 'apply-update';

export interface DeskState {
  session: MfaSession | null;
  tokenHeld: boolean;
  firstFactorUnderWay: boolean;
  /** The Session ID the agent's form names: after Start over it is empty, and the session is left. */
  draftSessionId: string;
}

/** Until when an update must wait: for ever while a token or first factor is held, the session's end while the form is in it, else not at all. */
export function liveUntil({ session, tokenHeld, firstFactorUnderWay, draftSessionId }: DeskState, now: number): number | null {
  if (tokenHeld || firstFactorUnderWay) return Number.POSITIVE_INFINITY;
  if (!session || session.sessionId !== draftSessionId.trim()) return null;
  const ends = session.beganAt + SESSION_MINUTES * 60_000;
  return ends > now ? ends : null;
}

export interface UpdaterDeps {
  deskState(): Promise<DeskState>;
  /** Applies the update the browser holds (runtime.reload). */
  reload(): void;
  /** Asks to be checked again at this time (an alarm, which outlives the worker). */
  checkAt(when: number): void;
  now(): number;
}

export function createUpdater(deps: UpdaterDeps) {
  /** Applies a waiting update if nothing is live now; else arranges to look again when the session's time is up. */
  async function applyWhenIdle(): Promise<void> {
    if (!(await pendingUpdateItem.get())) return;
    const until = liveUntil(await deps.deskState(), deps.now());
    if (until === null) deps.reload();
    else if (Number.isFinite(until)) deps.checkAt(until);
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
