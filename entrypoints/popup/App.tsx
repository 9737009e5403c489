import { useEffect, useRef, useState } from 'preact/hooks';
import { CustomerTabs } from '@/components/common/CustomerTabs';
import { loadOnce } from '@/components/common/load-once';
import { useLazy } from '@/components/common/useLazy';
import { useNow } from '@/components/common/useNow';
import { OtpForm } from '@/components/popup/OtpForm';
import { PopupFooter } from '@/components/popup/PopupFooter';
import { PopupHeader } from '@/components/popup/PopupHeader';
import { Verified } from '@/components/popup/Verified';
import { viewActivity } from '@/lib/model/desk/activity-view';
import { cooldownKey, type OtpStep, sameCustomer } from '@/lib/model/desk/customer';
import { customerLabel } from '@/lib/model/desk/customer-label';
import { slotOf } from '@/lib/model/desk/desk-keys';
import { apiBaseUrlFor } from '@/lib/model/settings/settings';
import type { PopupClient, PopupState, Watched } from './client';
import { CODE_FIELD, NEXT_FIELD } from './next-field';
import { loadDraftRules, useActions } from './use-actions';
import { loadProtocol, useCalls } from './use-calls';
import { useDeskWords } from './use-desk-words';
import { useFocusNext } from './use-focus';
import { useForms } from './use-forms';
import { useStep } from './use-step';

type Props = { initial: PopupState; client: PopupClient };

/** The fields that say who the customer is: an error in one shows them, folded or not. */
const CUSTOMER_FIELDS = ['identifierType', 'identifierValue', 'deviceId', 'brand'];

const loadSessionStart = loadOnce(() => import('@/components/popup/SessionStart').then((module) => module.SessionStart));
// The outcome line is not needed for the form to be ready: it loads right after, before any click can need it.
const loadOutcomeMessage = loadOnce(() => import('@/components/common/OutcomeMessage').then((module) => module.OutcomeMessage));
const loadShortcuts = loadOnce(() => import('@/components/popup/Shortcuts').then((module) => module.Shortcuts));

export function App({ initial, client }: Props) {
  const [watched, setWatched] = useState<Watched>(initial);
  const { settings, customers, cooldowns, screenShare } = watched;
  const desk = useForms(initial, client, settings);
  const customer = customers.find((candidate) => candidate.id === desk.selected) ?? customers[0];
  const id = customer.id;
  const draft = desk.formOf(id);
  const { errors, setErrors } = desk;
  const focus = useFocusNext();
  // The customer on screen, for answers that arrive after the agent moved on.
  const shownId = useRef(id);
  const calls = useCalls(client, {
    onFields: setErrors,
    // The reply to a call made here changes its customer's form as the background changes the saved one (codes
    // spent, a started session's ID filled in), in the fields the agent left alone since (a code typed meanwhile is
    // the next try); a call made elsewhere (the side panel, the idle time) reaches the form as the background's save.
    onReply(customerId, sent, outcome) {
      void loadDraftRules().then(({ draftAfterCall }) => {
        desk.change(customerId, draftAfterCall(desk.formOf(customerId), sent, outcome));
        if (customerId === shownId.current) focus(outcome.result.ok ? NEXT_FIELD[outcome.action] : (CODE_FIELD[outcome.action] ?? null));
      });
    },
  });
  const deskWords = useDeskWords(client, initial.menuNotice);
  // Loaded the first time Session ID is empty: many opens of the popup never need it.
  const SessionStartStep = useLazy(loadSessionStart, draft.sessionId.trim() === '');
  const [helpOpen, setHelpOpen] = useState(false);
  // Customers whose folded details the agent opened again (Change).
  const [unfolded, setUnfolded] = useState<Record<string, boolean>>({});
  const ShortcutList = useLazy(loadShortcuts, helpOpen);
  const OutcomeMessage = useLazy(loadOutcomeMessage, true);

  useEffect(
    () =>
      client.watch((change) => {
        desk.hear(change);
        deskWords.heard(change.menuNotice);
        const { selected: _selected, forms: _forms, menuNotice: _notice, ...parts } = change;
        if (Object.keys(parts).length > 0) setWatched((current) => ({ ...current, ...parts }));
      }),
    [client],
  );
  useEffect(() => {
    void loadProtocol();
    void loadDraftRules();
  }, []);
  useEffect(() => {
    if (shownId.current === id) return;
    shownId.current = id;
    deskWords.clear();
  }, [id]);
  // The cluster the brand in the form is served by: its own from the brand list, else the default.
  const apiBaseUrl = apiBaseUrlFor(settings, draft.brand);
  const cooldownOf = (step: OtpStep) => cooldowns[cooldownKey(draft.identifierType, draft.identifierValue, step)] ?? 0;
  const until = Math.max(cooldownOf('mfa'), cooldownOf('firstFactor'));
  const stored = viewActivity(customer.activity, Date.now());
  const live = customers.some((other) => other.hasToken || other.sessionEndsAt !== null);
  const now = useNow(until > Date.now() || stored.state !== 'idle' || live);
  const view = calls.viewOf(id, customer.activity, now);
  const firstFactor =
    customer.firstFactor && customer.firstFactor.apiBaseUrl === apiBaseUrl && sameCustomer(customer.firstFactor.customer, draft)
      ? customer.firstFactor
      : null;

  const act = useActions({ id, draft, firstFactor, client, desk, calls, deskWords, focus });
  const { call } = act;

  const busy = calls.asking[id] || view.state === 'busy';
  const { step, cooldownLeft, notes, firstFactorLeft, firstFactorNote } = useStep(customer, draft, view, cooldownOf, now, focus);
  const labels = Object.fromEntries(customers.map((each) => [each.id, customerLabel(each, desk.forms[slotOf(each.id)])]));
  return (
    <main class="popup">
      <PopupHeader
        settings={settings}
        brand={draft.brand}
        screenShare={screenShare}
        onScreenShare={client.setScreenShare}
        openSettings={client.openSettings}
        clusterChosen={watched.clusterChosen}
        onChooseCluster={client.chooseCluster}
      />
      <CustomerTabs
        customers={customers}
        labels={labels}
        selected={id}
        now={now}
        onSelect={desk.select}
        onNew={act.newCustomer}
        busy={deskWords.opening}
      />
      {initial.settingsNotice && (
        <p role="alert" class="outcome error">
          {initial.settingsNotice}
        </p>
      )}
      <OtpForm
        draft={draft}
        step={step}
        brands={settings.brands}
        errors={errors}
        busy={busy}
        frozen={deskWords.opening}
        locked={customer.hasToken}
        folded={
          // Once a code went out (the first factor's or the MFA one), the customer is settled: one line.
          (step === 'code' || step === 'verified' || (step === 'start' && firstFactor !== null)) &&
          !unfolded[id] &&
          !CUSTOMER_FIELDS.some((field) => errors[field])
        }
        onUnfold={() => {
          setUnfolded((current) => ({ ...current, [id]: true }));
          focus('identifier-value');
        }}
        hide={screenShare}
        cooldownLeft={cooldownLeft}
        notes={notes}
        onChange={act.edit}
        onSend={() => call('sendOtp', draft)}
        onEnter={act.enter}
        onValidate={() => call('validateOtp', draft)}
      >
        {step === 'verified' && <Verified until={customer.verifiedUntil} now={now} busy={busy} onEnd={() => call('endSession', {})} />}
        {step === 'start' && SessionStartStep && (
          <SessionStartStep
            draft={draft}
            errors={errors}
            busy={busy}
            firstFactor={firstFactor}
            cooldownLeft={firstFactorLeft}
            cooldownNote={firstFactorNote}
            onChange={act.edit}
            onStart={act.startMfaSession}
            onSendFirstFactor={() => call('sendFirstFactorOtp', draft)}
            onVerifyFirstFactor={act.verifyFirstFactor}
          />
        )}
      </OtpForm>
      {OutcomeMessage ? (
        <OutcomeMessage view={view} now={now} onStartOver={act.startOver} onRetry={act.retry} />
      ) : (
        <p role="status" class="outcome" />
      )}
      <PopupFooter
        reference={draft.reference}
        busy={busy}
        notice={deskWords.words}
        onReference={(reference) => desk.change(id, { ...draft, reference })}
        onClose={() => call('closeCustomer', {})}
        onCopyNote={() => deskWords.copyNote(customer, draft)}
        openPanel={client.openPanel}
        Shortcuts={ShortcutList}
        onHelp={setHelpOpen}
      />
    </main>
  );
}
