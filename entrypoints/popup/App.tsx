import { useEffect, useRef, useState } from 'preact/hooks';
import { CustomerTabs } from '@/components/common/CustomerTabs';
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
import { customerLabel } from '@/lib/model/desk/customer-label';
import { slotOf } from '@/lib/model/desk/desk-keys';
import type { Action, Outcome } from '@/lib/model/desk/outcome';
import type { Draft } from '@/lib/model/desk/stored';
import { apiBaseUrlFor } from '@/lib/model/settings/settings';
import { t } from '@/lib/words/t';
import type { PopupClient, PopupState, Watched } from './client';
import { NEXT_FIELD } from './next-field';
import { useForms } from './use-forms';

type Props = { initial: PopupState; client: PopupClient };

const loadSessionStart = loadOnce(() => import('@/components/popup/SessionStart').then((module) => module.SessionStart));
// The outcome line is not needed for the form to be ready: it loads right after, before any click can need it.
const loadOutcomeMessage = loadOnce(() => import('@/components/common/OutcomeMessage').then((module) => module.OutcomeMessage));
const loadShortcuts = loadOnce(() => import('@/components/popup/Shortcuts').then((module) => module.Shortcuts));
// The message schemas are needed only once the agent clicks: they load after the form is on screen.
const loadProtocol = loadOnce(() => import('@/lib/messaging/protocol'));
// How the form changes after a call: needed only once a call ends, so it too loads after the form is on screen.
const loadDraftRules = loadOnce(() => import('@/lib/model/desk/draft'));
const loadNote = loadOnce(() => import('@/lib/words/note'));
type CallAction = Exclude<Action, 'refreshToken' | 'autoEndSession'> | 'closeCustomer';

export function App({ initial, client }: Props) {
  const [watched, setWatched] = useState<Watched>(initial);
  const { settings, customers, cooldowns, screenShare } = watched;
  const desk = useForms(initial, client, settings);
  const customer = customers.find((candidate) => candidate.id === desk.selected) ?? customers[0];
  const id = customer.id;
  const draft = desk.formOf(id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The reply to this popup's own request, per customer; storage carries the same outcome, and the newer is shown.
  const [replies, setReplies] = useState<Record<string, Outcome>>({});
  const [asking, setAsking] = useState<Record<string, boolean>>({});
  // A word about the desk itself (full) or the note (copied), until the next action.
  const [notice, setNotice] = useState<{ alert: boolean; text: string } | null>(
    initial.menuNotice && { alert: true, text: t(initial.menuNotice === 'desk-full' ? 'menuDeskFull' : 'menuNotACustomer') },
  );
  // The newest outcome applied to each form: each is applied once, and never one from before the popup opened.
  const applied = useRef<Record<string, number>>({});
  const openedAt = useRef(Date.now());
  // Loaded the first time Session ID is empty: many opens of the popup never need it.
  const SessionStartStep = useLazy(loadSessionStart, draft.sessionId.trim() === '');
  const [helpOpen, setHelpOpen] = useState(false);
  const ShortcutList = useLazy(loadShortcuts, helpOpen);
  const OutcomeMessage = useLazy(loadOutcomeMessage, true);
  // A field to focus once it is on screen (the first-factor OTP field appears a moment after its code is sent).
  const focusNext = useRef<string | null>(null);

  useEffect(
    () =>
      client.watch((change) => {
        desk.hear(change);
        if (change.menuNotice) setNotice({ alert: true, text: t(change.menuNotice === 'desk-full' ? 'menuDeskFull' : 'menuNotACustomer') });
        const { selected: _selected, forms: _forms, menuNotice: _notice, ...parts } = change;
        if (Object.keys(parts).length > 0) setWatched((current) => ({ ...current, ...parts }));
      }),
    [client],
  );
  useEffect(() => {
    void loadProtocol();
    void loadDraftRules();
  }, []);
  const shownId = useRef(id);
  useEffect(() => {
    if (shownId.current === id) return;
    shownId.current = id;
    setErrors({});
    setNotice(null);
  }, [id]);
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

  // The cluster the brand in the form is served by: its own from the brand list, else the default.
  const apiBaseUrl = apiBaseUrlFor(settings, draft.brand);
  const cooldownOf = (step: OtpStep) => cooldowns[cooldownKey(draft.brand, draft.identifierType, draft.identifierValue, step)] ?? 0;
  const until = Math.max(cooldownOf('mfa'), cooldownOf('firstFactor'));
  const stored = viewActivity(customer.activity, Date.now());
  const live = customers.some((other) => other.hasToken || other.sessionEndsAt !== null);
  const now = useNow(until > Date.now() || stored.state !== 'idle' || live);
  const reply = replies[id];
  const view =
    reply && (stored.state === 'idle' || (stored.state === 'done' && stored.outcome.finishedAt < reply.finishedAt))
      ? { state: 'done' as const, outcome: reply }
      : viewActivity(customer.activity, now);
  const firstFactor =
    customer.firstFactor && customer.firstFactor.apiBaseUrl === apiBaseUrl && sameCustomer(customer.firstFactor.customer, draft)
      ? customer.firstFactor
      : null;

  // A call that ended while its customer is on screen changes the form as the background changed the saved one
  // (codes spent, a started session's ID filled in); one that ended before is already in the saved form.
  useEffect(() => {
    if (view.state !== 'done' || view.outcome.finishedAt < (applied.current[id] ?? openedAt.current)) return;
    applied.current[id] = view.outcome.finishedAt + 1;
    const { outcome } = view;
    void loadDraftRules().then(({ draftAfter }) => {
      if (outcome.result.ok) focusNext.current = NEXT_FIELD[outcome.action];
      change(draftAfter(desk.formOf(id), outcome), id);
      focusPending();
    });
  }, [id, view.state === 'done' ? view.outcome.finishedAt : 0]);
  // Every render: the field named above may appear a moment later (the first-factor OTP field).
  useEffect(focusPending);

  function focusPending() {
    const field = focusNext.current && document.getElementById(focusNext.current);
    if (field) {
      field.focus();
      focusNext.current = null;
    }
  }

  function change(next: Draft, of = id) {
    const before = desk.formOf(of);
    if (next === before) return;
    desk.setForm(of, next);
    // An error stays on screen until its own field is edited.
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([field]) => next[field as keyof Draft] === before[field as keyof Draft])),
    );
  }

  /** Checks the fields with the message's own schema, then asks the background for this customer; the answer lands on it. */
  async function call<T extends CallAction>(action: T, request: object, fieldOf: Record<string, string> = {}) {
    const of = id;
    if (asking[of]) return;
    setAsking((current) => ({ ...current, [of]: true }));
    setNotice(null);
    const { checkRequest, rejectionOutcome } = await loadProtocol();
    const checked = checkRequest(action, { ...request, customerId: of });
    if (!checked.ok) {
      setAsking((current) => ({ ...current, [of]: false }));
      return setErrors(Object.fromEntries(Object.entries(checked.fields).map(([field, message]) => [fieldOf[field] ?? field, message])));
    }
    setErrors({});
    const answer = (await client.ask(action, checked.request)) as Outcome | Rejection | { closed: true };
    setAsking((current) => ({ ...current, [of]: false }));
    if ('closed' in answer) return;
    const outcome =
      'rejected' in answer ? rejectionOutcome(action === 'closeCustomer' ? 'endSession' : action, draft, answer.rejected) : answer;
    setReplies((current) => ({ ...current, [of]: outcome }));
  }

  function startMfaSession() {
    const token = draft.authorizedToken.trim();
    if (!token && !firstFactor?.verified) return setErrors({ authorizedToken: t('pasteAuthorizedToken') });
    call('startMfaSession', { ...draft, authorizedToken: token || undefined });
  }

  function startOver() {
    void loadDraftRules().then(({ draftForNewSession }) => change(draftForNewSession(desk.formOf(id)), id));
    setReplies(({ [id]: _dropped, ...others }) => others);
    void client.ask('startOver', { customerId: id });
  }

  async function newCustomer() {
    const answer = await client.ask('newCustomer', {});
    if ('rejected' in answer) return setNotice({ alert: true, text: (await loadNote()).deskNotice(answer.rejected) });
    desk.select(answer.customerId);
    focusNext.current = 'identifier-value';
  }

  async function copyNote() {
    const { noteOf, noteCopied } = await loadNote();
    const copied = await navigator.clipboard.writeText(noteOf(customer, draft)).then(
      () => true,
      () => false,
    );
    setNotice(noteCopied(copied));
  }

  const busy = asking[id] || view.state === 'busy';
  const labels = Object.fromEntries(customers.map((each) => [each.id, customerLabel(each, desk.forms[slotOf(each.id)])]));
  return (
    <main class="popup">
      <header>
        <h1>MFA Desk</h1>
        <ScreenShareSwitch on={screenShare} onChange={client.setScreenShare} />
        <button type="button" class="link" onClick={client.openSettings}>
          {t('settings')}
        </button>
      </header>
      <TargetBand settings={settings} brand={draft.brand} />
      <CustomerTabs customers={customers} labels={labels} selected={id} now={now} onSelect={desk.select} onNew={newCustomer} />
      {initial.settingsNotice && (
        <p role="alert" class="outcome error">
          {initial.settingsNotice}
        </p>
      )}
      <OtpForm
        draft={draft}
        brands={settings.brands}
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
        canEnd={customer.hasToken}
        busy={busy}
        notice={notice}
        onEnd={() => call('endSession', {})}
        onClose={() => call('closeCustomer', {})}
        onCopyNote={copyNote}
        openPanel={client.openPanel}
        Shortcuts={ShortcutList}
        onHelp={setHelpOpen}
      />
    </main>
  );
}
