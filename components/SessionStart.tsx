import type { Draft } from '@/lib/storage/items';
import { TextField } from './TextField';

type Props = {
  draft: Draft;
  errors: Record<string, string>;
  busy: boolean;
  /** The first factor under way for the customer in the form: its OTP sent, and whether it is verified. */
  firstFactor: { verified: boolean } | null;
  /** Seconds before Send first-factor OTP may be used again for this customer; 0 when it may. */
  cooldownLeft: number;
  onChange(draft: Draft): void;
  onStart(): void;
  onSendFirstFactor(): void;
  onVerifyFirstFactor(): void;
};

const submit = (action: () => void) => (event: Event) => {
  event.preventDefault();
  action();
};

/**
 * The step before Send OTP, shown while Session ID is empty: open an MFA session with the customer's authorized
 * token, or run the first factor (an OTP of its own) and open it with the token that gives. Loaded only when needed.
 */
export function SessionStart({
  draft,
  errors,
  busy,
  firstFactor,
  cooldownLeft,
  onChange,
  onStart,
  onSendFirstFactor,
  onVerifyFirstFactor,
}: Props) {
  const verified = firstFactor?.verified ?? false;
  return (
    <fieldset class="session-start">
      <legend>Start an MFA session</legend>
      <form noValidate onSubmit={submit(onStart)}>
        <div class="row end">
          <TextField
            id="authorized-token"
            label="Authorized token"
            value={draft.authorizedToken}
            error={errors.authorizedToken}
            placeholder={verified ? 'the verified first factor’s token' : 'the customer’s USER token, eyJ…'}
            secret
            masked
            onInput={(authorizedToken) => onChange({ ...draft, authorizedToken })}
          />
          <button type="submit" class={verified ? 'primary' : undefined} disabled={busy}>
            Start MFA session
          </button>
        </div>
      </form>
      {verified ? (
        <p class="note">First factor verified: Start MFA session uses the token it gave, kept hidden until then.</p>
      ) : (
        <>
          <p class="or">or, without a token:</p>
          <button type="button" disabled={busy || cooldownLeft > 0} onClick={onSendFirstFactor}>
            Send first-factor OTP{cooldownLeft > 0 && <span class="countdown">{` (${cooldownLeft} s)`}</span>}
          </button>
          {firstFactor && (
            <form noValidate onSubmit={submit(onVerifyFirstFactor)}>
              <div class="row end">
                <TextField
                  id="first-factor-otp"
                  label="First-factor OTP"
                  value={draft.firstFactorOtp}
                  error={errors.firstFactorOtp}
                  inputMode="numeric"
                  secret
                  masked
                  onInput={(firstFactorOtp) => onChange({ ...draft, firstFactorOtp })}
                />
                <button type="submit" class="primary" disabled={busy}>
                  Verify first factor
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </fieldset>
  );
}
