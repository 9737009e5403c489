import { TextField } from '@/components/common/TextField';
import type { Draft } from '@/lib/model/desk/stored';
import { t } from '@/lib/words/t';
import { FieldForm } from './FieldForm';
import { SendButton } from './SendButton';

type Props = {
  draft: Draft;
  errors: Record<string, string>;
  busy: boolean;
  /** The first factor under way for the customer in the form: its OTP sent, and whether it is verified. */
  firstFactor: { verified: boolean } | null;
  /** Seconds before Send first-factor OTP may be used again for this customer; 0 when it may. */
  cooldownLeft: number;
  /** Why it waits, and until when, while it does. */
  cooldownNote: string | null;
  onChange(draft: Draft): void;
  onStart(): void;
  onSendFirstFactor(): void;
  onVerifyFirstFactor(): void;
};

/**
 * The step before Send OTP, shown while Session ID is empty: open an MFA session with the customer's authorized
 * token, or run the first factor (an OTP of its own) and open it with the token that gives, or paste a Session ID
 * (the field under it). Loaded only when needed.
 */
export function SessionStart({
  draft,
  errors,
  busy,
  firstFactor,
  cooldownLeft,
  cooldownNote,
  onChange,
  onStart,
  onSendFirstFactor,
  onVerifyFirstFactor,
}: Props) {
  const verified = firstFactor?.verified ?? false;
  const token = draft.authorizedToken.trim() !== '';
  // One main button: opening the session once there is a token, else the first factor's next move.
  const main = verified || token ? 'start' : firstFactor ? 'verify' : 'send';
  // While the first factor's code is awaited, its field is the step: the token's row comes back once it is verified.
  const awaitingCode = firstFactor !== null && !verified;
  return (
    <div class="session-start">
      {!awaitingCode && (
        <FieldForm label={t('startMfaSession')} main={main === 'start'} busy={busy} onSubmit={onStart}>
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
        </FieldForm>
      )}
      {verified ? (
        <p class="note">{t('firstFactorVerifiedNote')}</p>
      ) : (
        <>
          {/* While its code is awaited the first factor is the step: its button, and why it waits, side by side. */}
          <p class="or">
            {!awaitingCode && `${t('orWithoutToken')} `}
            <SendButton
              label={t('sendFirstFactorOtp')}
              main={main === 'send'}
              busy={busy}
              cooldownLeft={cooldownLeft}
              onClick={onSendFirstFactor}
            />
            {cooldownNote && <span class="wait">{cooldownNote}</span>}
          </p>
          {firstFactor && (
            <FieldForm label={t('verifyFirstFactor')} main={main === 'verify'} busy={busy} onSubmit={onVerifyFirstFactor}>
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
            </FieldForm>
          )}
        </>
      )}
    </div>
  );
}
