import { TextField } from '@/components/common/TextField';
import type { Draft } from '@/lib/model/desk/stored';
import { t } from '@/lib/words/t';

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
      <legend>{t('startAnMfaSession')}</legend>
      <form noValidate onSubmit={submit(onStart)}>
        <div class="row end">
          <TextField
            id="authorized-token"
            label={t('authorizedToken')}
            value={draft.authorizedToken}
            error={errors.authorizedToken}
            placeholder={t(verified ? 'authorizedTokenHintVerified' : 'authorizedTokenHint')}
            secret
            masked
            onInput={(authorizedToken) => onChange({ ...draft, authorizedToken })}
          />
          <button type="submit" class={verified ? 'primary' : undefined} disabled={busy}>
            {t('startMfaSession')}
          </button>
        </div>
      </form>
      {verified ? (
        <p class="note">{t('firstFactorVerifiedNote')}</p>
      ) : (
        <>
          <p class="or">{t('orWithoutToken')}</p>
          <button type="button" disabled={busy || cooldownLeft > 0} onClick={onSendFirstFactor}>
            {t('sendFirstFactorOtp')}
            {cooldownLeft > 0 && <span class="countdown">{` (${cooldownLeft} s)`}</span>}
          </button>
          {firstFactor && (
            <form noValidate onSubmit={submit(onVerifyFirstFactor)}>
              <div class="row end">
                <TextField
                  id="first-factor-otp"
                  label={t('firstFactorOtp')}
                  value={draft.firstFactorOtp}
                  error={errors.firstFactorOtp}
                  inputMode="numeric"
                  secret
                  masked
                  onInput={(firstFactorOtp) => onChange({ ...draft, firstFactorOtp })}
                />
                <button type="submit" class="primary" disabled={busy}>
                  {t('verifyFirstFactor')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </fieldset>
  );
}
