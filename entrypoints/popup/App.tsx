import { useEffect, useState } from 'preact/hooks';
import { OtpForm } from '@/components/OtpForm';
import { OutcomeMessage } from '@/components/OutcomeMessage';
import { useNow } from '@/components/useNow';
import { clusterName } from '@/lib/capillary/clusters';
import { fieldErrors, GenerateOtpRequest, ValidateOtpRequest } from '@/lib/capillary/schemas';
import { type Action, type Activity, type Outcome, subjectOf, viewActivity } from '@/lib/desk/outcome';
import { secondsLeft } from '@/lib/format/time';
import type { Rejection } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/settings/settings';
import { cooldownKey, type Draft } from '@/lib/storage/items';

/** What the popup needs from the extension; main.tsx wires it to the background and storage. */
export interface PopupClient {
  sendOtp(request: GenerateOtpRequest): Promise<Outcome | Rejection>;
  validateOtp(request: ValidateOtpRequest): Promise<Outcome | Rejection>;
  saveDraft(draft: Draft): void;
  watchActivity(callback: (activity: Activity) => void): () => void;
  watchCooldowns(callback: (cooldowns: Record<string, number>) => void): () => void;
  openSettings(): void;
  /** Opens the side panel; called straight from the click (browsers allow it only from a user action). */
  openPanel(): Promise<void>;
}

export interface PopupState {
  settings: Settings;
  draft: Draft;
  activity: Activity;
  cooldowns: Record<string, number>;
}

type Props = { initial: PopupState; client: PopupClient };

export function App({ initial, client }: Props) {
  const [draft, setDraft] = useState(initial.draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [activity, setActivity] = useState(initial.activity);
  const [cooldowns, setCooldowns] = useState(initial.cooldowns);
  // The reply to this popup's own request; storage carries the same outcome, and the newer of the two is shown.
  const [reply, setReply] = useState<Outcome | null>(null);
  const [asking, setAsking] = useState(false);
  const [panelError, setPanelError] = useState<string | null>(null);

  useEffect(() => client.watchActivity(setActivity), [client]);
  useEffect(() => client.watchCooldowns(setCooldowns), [client]);

  const until = cooldowns[cooldownKey(draft.brand, draft.identifierType, draft.identifierValue)] ?? 0;
  const stored = viewActivity(activity, Date.now());
  const now = useNow(until > Date.now() || stored.state !== 'idle');
  const cooldownLeft = secondsLeft(until, now);
  const view =
    reply && (stored.state === 'idle' || (stored.state === 'done' && stored.outcome.finishedAt < reply.finishedAt))
      ? { state: 'done' as const, outcome: reply }
      : viewActivity(activity, now);

  // A validate spends the OTP (or proves it wrong): the field is emptied whichever popup sees the outcome.
  useEffect(() => {
    if (view.state === 'done' && view.outcome.action === 'validateOtp') {
      setDraft((current) => (current.otp ? { ...current, otp: '' } : current));
    }
  }, [view.state === 'done' ? view.outcome.finishedAt : 0]);

  function change(next: Draft) {
    setDraft(next);
    client.saveDraft(next);
    // An error stays on screen until its own field is edited.
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([field]) => next[field as keyof Draft] === draft[field as keyof Draft])),
    );
  }

  function sendOtp() {
    const parsed = GenerateOtpRequest.safeParse(draft);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    settle('sendOtp', () => client.sendOtp(parsed.data));
  }

  function validateOtp() {
    const parsed = ValidateOtpRequest.safeParse(draft);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    settle('validateOtp', () => client.validateOtp(parsed.data));
  }

  async function settle(action: Action, call: () => Promise<Outcome | Rejection>) {
    if (asking) return;
    setErrors({});
    setAsking(true);
    const answer = await call();
    setAsking(false);
    setReply('rejected' in answer ? refusal(action, draft, answer.rejected) : answer);
  }

  return (
    <main class="popup">
      <header>
        <h1>MFA Desk</h1>
        <span class="cluster" title={initial.settings.apiBaseUrl}>
          {clusterName(initial.settings.apiBaseUrl)}
        </span>
        <button type="button" class="link" onClick={client.openSettings}>
          Settings
        </button>
      </header>
      <OtpForm
        draft={draft}
        errors={errors}
        busy={asking || view.state === 'busy'}
        cooldownLeft={cooldownLeft}
        onChange={change}
        onSend={sendOtp}
        onValidate={validateOtp}
      />
      <OutcomeMessage view={view} now={now} />
      <footer>
        <button
          type="button"
          onClick={() =>
            client.openPanel().catch((error: unknown) => setPanelError(error instanceof Error ? error.message : String(error)))
          }
        >
          Open side panel
        </button>
        {panelError && <p role="alert" class="outcome error">{`The side panel did not open: ${panelError}`}</p>}
      </footer>
    </main>
  );
}

/** A message the background would not handle, shown like any failed call. */
function refusal(action: Action, draft: Draft, reason: string): Outcome {
  return {
    action,
    subject: subjectOf(draft),
    finishedAt: Date.now(),
    result: { ok: false, error: { kind: 'rejected', reason } },
  };
}
