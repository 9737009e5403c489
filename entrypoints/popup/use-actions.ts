// What the agent's clicks, keys and typing ask for the customer on screen: each call, the session start with a token or
// a verified first factor, "Start a new session", Retry, New customer (Alt+N), Escape, and an edit that leaves a
// session behind.
import { useEffect } from 'preact/hooks';
import { loadOnce } from '@/components/common/load-once';
import type { Action } from '@/lib/model/desk/outcome';
import { leavingSession } from '@/lib/model/desk/step';
import type { Draft } from '@/lib/model/desk/stored';
import { t } from '@/lib/words/t';
import type { PopupClient } from './client';
import type { CallAction, useCalls } from './use-calls';
import type { useDeskWords } from './use-desk-words';
import type { useForms } from './use-forms';

// How the form changes after a call: needed only once a call ends, so it loads after the form is on screen.
export const loadDraftRules = loadOnce(() => import('@/lib/model/desk/draft'));

type Deps = {
  id: string;
  draft: Draft;
  /** The first factor under way for the customer in the form, if any. */
  firstFactor: { verified: boolean } | null;
  client: PopupClient;
  desk: ReturnType<typeof useForms>;
  calls: ReturnType<typeof useCalls>;
  deskWords: ReturnType<typeof useDeskWords>;
  focus(field: string | null): void;
};

export function useActions({ id, draft, firstFactor, client, desk, calls, deskWords, focus }: Deps) {
  /** Asks the background for the customer on screen; the answer lands on it, whichever is on screen by then. */
  function call(action: CallAction, request: object, fieldOf?: Record<string, string>) {
    deskWords.clear();
    void calls.call(id, draft, action, request, fieldOf);
  }

  function startMfaSession() {
    const token = draft.authorizedToken.trim();
    if (!token && !firstFactor?.verified) return desk.setErrors({ authorizedToken: t('pasteAuthorizedToken') });
    call('startMfaSession', { ...draft, authorizedToken: token || undefined });
  }

  const verifyFirstFactor = () => call('verifyFirstFactor', { ...draft, otp: draft.firstFactorOtp }, { otp: 'firstFactorOtp' });

  function newCustomer() {
    void deskWords.newCustomer((next) => {
      desk.select(next);
      focus('identifier-value');
    });
  }

  // Anywhere in the popup: Escape closes it, Alt+N opens a new customer.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') client.close();
      if (event.altKey && event.code === 'KeyN') {
        event.preventDefault();
        newCustomer();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  return {
    call,
    startMfaSession,
    verifyFirstFactor,
    /** Enter in a field: the chain's next call (Send OTP with a session, else start one, else the first factor). */
    enter() {
      if (draft.sessionId.trim()) call('sendOtp', draft);
      else if (draft.authorizedToken.trim() || firstFactor?.verified) startMfaSession();
      else call('sendFirstFactorOtp', draft);
    },
    startOver() {
      void loadDraftRules().then(({ draftForNewSession }) => desk.change(id, draftForNewSession(desk.formOf(id))));
      calls.forget(id);
      void client.ask('startOver', { customerId: id });
    },
    /** Retry: the failed call again, with the form as it is (a code that never reached Capillary is still in it). */
    retry(action: Action) {
      if (action === 'startMfaSession') return startMfaSession();
      if (action === 'verifyFirstFactor') return verifyFirstFactor();
      if (action === 'refreshToken' || action === 'autoEndSession') return;
      call(action, action === 'endSession' ? {} : draft);
    },
    newCustomer,
    /** The agent's typing: a form that now names another customer leaves the one before's session and codes behind. */
    edit(next: Draft) {
      const kept = leavingSession(draft, next);
      desk.change(id, kept);
      if (kept !== next) deskWords.say({ alert: false, text: t('sessionLeft') });
    },
  };
}
