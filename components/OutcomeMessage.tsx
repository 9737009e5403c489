import { adviseOn } from '@/lib/capillary/advice';
import type { ActivityView } from '@/lib/desk/outcome';
import { ago } from '@/lib/format/time';

type Props = { view: ActivityView; now: number };

const BUSY = { sendOtp: 'Sending OTP…', validateOtp: 'Validating OTP…' } as const;
const DONE = { sendOtp: 'OTP sent', validateOtp: 'OTP validated' } as const;

/** The one line that says how the last call went: a status when it worked or is under way, an alert when it failed. */
export function OutcomeMessage({ view, now }: Props) {
  if (view.state === 'idle') return <p role="status" class="outcome" />;
  if (view.state === 'busy') {
    return (
      <p role="status" class="outcome busy">
        {BUSY[view.inflight.action]}
      </p>
    );
  }
  const { outcome } = view;
  const who = `${outcome.subject.maskedIdentifier} · ${outcome.subject.brand}`;
  if (outcome.result.ok) {
    return (
      <p role="status" class="outcome ok">
        <strong>{DONE[outcome.action]}</strong> <span class="muted">{`for ${who}, ${ago(outcome.finishedAt, now)}`}</span>
      </p>
    );
  }
  const advice = adviseOn(outcome.result.error);
  return (
    <div role="alert" class="outcome error">
      <p>
        <strong>{advice.summary}</strong>
      </p>
      {advice.nextStep && <p>{advice.nextStep}</p>}
      {outcome.result.error.kind === 'bad-response' && (
        <details>
          <summary>Reply as received (secrets blanked)</summary>
          <pre>{outcome.result.error.body}</pre>
        </details>
      )}
      <p class="muted">{`${outcome.action === 'sendOtp' ? 'Send OTP' : 'Validate OTP'} for ${who}, ${ago(outcome.finishedAt, now)}`}</p>
    </div>
  );
}
