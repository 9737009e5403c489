import { useEffect, useRef, useState } from 'preact/hooks';
import { loadOnce } from '@/components/common/load-once';
import { ScreenShareSwitch } from '@/components/common/ScreenShareSwitch';
import { TargetBand } from '@/components/common/TargetBand';
import { useLazy } from '@/components/common/useLazy';
import { secondsLeft, useNow } from '@/components/common/useNow';
import { OtpForm } from '@/components/popup/OtpForm';
import { PopupFooter } from '@/components/popup/PopupFooter';
import type { Rejection } from '@/lib/messaging/protocol';
import { viewActivity } from '@/lib/model/desk/activity-view';
import { cooldownKey, type OtpStep, sameCustomer } from '@/lib/model/desk/customer';
import type { Action, Outcome } from '@/lib/model/desk/outcome';
import type { Draft } from '@/lib/model/desk/stored';
import { apiBaseUrlFor } from '@/lib/model/settings/settings';
import { t } from '@/lib/words/t';
import type { PopupClient, PopupState, Watched } from './client';
import { NEXT_FIELD } from './next-field';

type Props = { initial: PopupState; client: PopupClient };

const loadSessionStart = loadOnce(() => import('@/components/popup/SessionStart').then((module) => module.SessionStart));
// The outcome line is not needed for the form to be ready: it loads right after, before any click can need it.
const loadOutcomeMessage = loadOnce(() => import('@/components/common/OutcomeMessage').then((module) => module.OutcomeMessage));
const loadShortcuts = loadOnce(() => import('@/components/popup/Shortcuts').then((module) => module.Shortcuts));
// The message schemas are needed only once the agent clicks: they load after the form is on screen.
const loadProtocol = loadOnce(() => import('@/lib/messaging/protocol'));
// How the form changes after a call: needed only once a call ends, so it too loads after the form is on screen.
const loadDraftRules = loadOnce(() => import('@/lib/model/desk/draft'));
type CallAction = Exclude<Action, 'refreshToken'>;

export function App({ initial, client }: Props) {
  const [draft, setDraft] = useState(initial.draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [watched, setWatched] = useState<Watched>(initial);
  // The reply to this popup's own request; storage carries the same outcome, and the newer of the two is shown.
  const [reply, setReply] = useState<Outcome | null>(null);
  const [asking, setAsking] = useState(false);
  // The newest outcome applied to the form: each is applied once, and never one from before the popup opened.
  const applied = useRef(Date.now());
  // Loaded the first time Session ID is empty: many opens of the popup never need it.
  const SessionStartStep = useLazy(loadSessionStart, draft.sessionId.trim() === '');
  const [helpOpen, setHelpOpen] = useState(false);
  const ShortcutList = useLazy(loadShortcuts, helpOpen);
  const OutcomeMessage = useLazy(loadOutcomeMessage, true);
  // A field to focus once it is on screen (the first-factor OTP field appears a moment after its code is sent).
  const focusNext = useRef<string | null>(null);

  useEffect(() => client.watch((change) => setWatched((current) => ({ ...current, ...change }))), [client]);
  useEffect(() => {
    void loadProtocol();
    void loadDraftRules();
  }, []);
  // The form as last rendered, for changes that arrive after a module loaded.
  const latest = useRef(draft);
  latest.current = draft;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && client.close();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [client]);

  const { activity, cooldowns, hasToken, screenShare } = watched;
  // The cluster the brand in the form is served by: its own from the brand list, else the default.
  const apiBaseUrl = apiBaseUrlFor(watched.settings, draft.brand);
  const cooldownOf = (step: OtpStep) => cooldowns[cooldownKey(draft.brand, draft.identifierType, draft.identifierValue, step)] ?? 0;
  const until = Math.max(cooldownOf('mfa'), cooldownOf('firstFactor'));
  const stored = viewActivity(activity, Date.now());
  const now = useNow(until > Date.now() || stored.state !== 'idle');
  const view =
    reply && (stored.state === 'idle' || (stored.state === 'done' && stored.outcome.finishedAt < reply.finishedAt))
      ? { state: 'done' as const, outcome: reply }
      : viewActivity(activity, now);
  const firstFactor =
    watched.firstFactor && watched.firstFactor.apiBaseUrl === apiBaseUrl && sameCustomer(watched.firstFactor.customer, draft)
      ? watched.firstFactor
      : null;

  // A call that ended while the popup is open changes the form as the background changed the saved one
  // (codes spent, a started session's ID filled in); one that ended before is already in the saved form.
  useEffect(() => {
    if (view.state !== 'done' || view.outcome.finishedAt < applied.current) return;
    applied.current = view.outcome.finishedAt + 1;
    const { outcome } = view;
    void loadDraftRules().then(({ draftAfter }) => {
      if (outcome.result.ok) focusNext.current = NEXT_FIELD[outcome.action];
      change(draftAfter(latest.current, outcome));
      focusPending();
    });
  }, [view.state === 'done' ? view.outcome.finishedAt : 0]);
  // Every render: the field named above may appear a moment later (the first-factor OTP field).
  useEffect(focusPending);

  function focusPending() {
    const field = focusNext.current && document.getElementById(focusNext.current);
    if (field) {
      field.focus();
      focusNext.current = null;
    }
  }

  function change(next: Draft) {
    const draft = latest.current;
    if (next === draft) return;
    latest.current = next;
    setDraft(next);
    client.saveDraft(next);
    // An error stays on screen until its own field is edited.
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([field]) => next[field as keyof Draft] === draft[field as keyof Draft])),
    );
  }

  /** Checks the fields with the message's own schema, then asks the background; field errors are named after the form's fields. */
  async function call<T extends CallAction>(action: T, request: unknown, fieldOf: Record<string, string> = {}) {
    if (asking) return;
    setAsking(true);
    const { checkRequest, rejectionOutcome } = await loadProtocol();
    const checked = checkRequest(action, request);
    if (!checked.ok) {
      setAsking(false);
      return setErrors(Object.fromEntries(Object.entries(checked.fields).map(([field, message]) => [fieldOf[field] ?? field, message])));
    }
    setErrors({});
    const answer = (await client.ask(action, checked.request)) as Outcome | Rejection;
    setAsking(false);
    setReply('rejected' in answer ? rejectionOutcome(action, draft, answer.rejected) : answer);
  }

  function startMfaSession() {
    const token = draft.authorizedToken.trim();
    if (!token && !firstFactor?.verified) {
      return setErrors({ authorizedToken: t('pasteAuthorizedToken') });
    }
    call('startMfaSession', { ...draft, authorizedToken: token || undefined });
  }

  function startOver() {
    void loadDraftRules().then(({ draftForNewSession }) => change(draftForNewSession(latest.current)));
    setReply(null);
    void client.ask('startOver', {});
  }

  const busy = asking || view.state === 'busy';
  return (
    <main class="popup">
      <header>
        <h1>MFA Desk</h1>
        <ScreenShareSwitch on={screenShare} onChange={client.setScreenShare} />
        <button type="button" class="link" onClick={client.openSettings}>
          {t('settings')}
        </button>
      </header>
      <TargetBand settings={watched.settings} brand={draft.brand} />
      {initial.settingsNotice && (
        <p role="alert" class="outcome error">
          {initial.settingsNotice}
        </p>
      )}
      <OtpForm
        draft={draft}
        brands={watched.settings.brands}
        errors={errors}
        busy={busy}
        hide={screenShare}
        cooldownLeft={secondsLeft(cooldownOf('mfa'), now)}
        onChange={change}
        onSend={() => call('sendOtp', draft)}
        onEnter={() => {
          if (draft.sessionId.trim()) call('sendOtp', draft);
          else if (draft.authorizedToken.trim() || firstFactor?.verified) startMfaSession();
          else call('sendFirstFactorOtp', draft);
        }}
        onValidate={() => call('validateOtp', draft)}
      >
        {SessionStartStep && (
          <SessionStartStep
            draft={draft}
            errors={errors}
            busy={busy}
            firstFactor={firstFactor}
            cooldownLeft={secondsLeft(cooldownOf('firstFactor'), now)}
            onChange={change}
            onStart={startMfaSession}
            onSendFirstFactor={() => call('sendFirstFactorOtp', draft)}
            onVerifyFirstFactor={() => call('verifyFirstFactor', { ...draft, otp: draft.firstFactorOtp }, { otp: 'firstFactorOtp' })}
          />
        )}
      </OtpForm>
      {OutcomeMessage ? <OutcomeMessage view={view} now={now} onStartOver={startOver} /> : <p role="status" class="outcome" />}
      <PopupFooter
        canEnd={hasToken}
        busy={busy}
        onEnd={() => call('endSession', {})}
        openPanel={client.openPanel}
        Shortcuts={ShortcutList}
        onHelp={setHelpOpen}
      />
    </main>
  );
}
