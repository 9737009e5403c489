import type { ComponentChildren } from 'preact';
import { SelectField } from '@/components/common/SelectField';
import { TextField } from '@/components/common/TextField';
import { clusterName } from '@/lib/model/capillary/clusters';
import { canonicalIdentifier, IDENTIFIER_TYPES, type IdentifierType } from '@/lib/model/capillary/identifier';
import type { Step } from '@/lib/model/desk/step';
import type { Draft } from '@/lib/model/desk/stored';
import { maskIdentifier } from '@/lib/model/format/mask';
import type { BrandCluster } from '@/lib/model/settings/settings';
import type { MessageKey } from '@/lib/words/en';
import { t } from '@/lib/words/t';
import { FieldForm } from './FieldForm';
import { SendButton } from './SendButton';

type Props = {
  draft: Draft;
  /** The step on screen: its fields, and its one main button. */
  step: Step;
  /** The brand list from Settings: offered while typing a brand, each with the cluster it picks. */
  brands: readonly BrandCluster[];
  errors: Record<string, string>;
  busy: boolean;
  /** Another customer is being opened: nothing typed now may land in this one's fields. */
  frozen?: boolean;
  /** A verified customer's identity is shown, not edited: another customer is a New customer. */
  locked: boolean;
  /** Once the session is under way the customer is one line (masked), opened again with Change. */
  folded: boolean;
  onUnfold(): void;
  /** Screen-share mode: the identifier value, session ID and OTP show as dots. */
  hide: boolean;
  /** Seconds before Send OTP may be used again for this customer; 0 when it may. */
  cooldownLeft: number;
  /** Why Send OTP waits, and until when; or that the session is for another brand. */
  notes: string[];
  onChange(draft: Draft): void;
  onSend(): void;
  /** Enter in a customer field: the step's main action. */
  onEnter(): void;
  onValidate(): void;
  /** The session-start step (its token and first factor) while Session ID is empty; the verified summary after. */
  children?: ComponentChildren;
};

const VALUE_HINT: Record<IdentifierType, string> = {
  MOBILE: '18767431754',
  EMAIL: 'name@example.com',
  USERNAME: 'username',
  EXTERNALID: 'external ID',
};

const STEP_TITLE: Record<Step, MessageKey> = {
  start: 'startAnMfaSession',
  send: 'stepSend',
  code: 'codeFromCustomer',
  verified: 'stepVerified',
};

/**
 * The customer, then one step of the chain at a time: start a session, send the OTP, the code the customer reads
 * back, or verified. Each step has one main button; Send OTP is always there (secondary where it is not the step).
 */
export function OtpForm({
  draft,
  step,
  brands,
  errors,
  busy,
  frozen,
  locked,
  folded,
  onUnfold,
  hide,
  cooldownLeft,
  notes,
  onChange,
  onSend,
  onEnter,
  onValidate,
  children,
}: Props) {
  const set = (field: keyof Draft) => (value: string) => onChange({ ...draft, [field]: value });
  // What will be sent, when it is not what was typed ("+91 98765-43210" goes as 919876543210); never in screen-share mode.
  const sent = canonicalIdentifier(draft.identifierType, draft.identifierValue);
  const onKeyDown = (event: KeyboardEvent) => {
    // Not in the session-start step's own forms, whose Enter submits them.
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target.tagName === 'INPUT' && !target.closest('form')) {
      event.preventDefault();
      onEnter();
    }
  };
  // Keyed: when the customer folds or unfolds, Preact would otherwise match the step's fieldset with the customer's
  // and turn the focused Session ID input into the identifier's.
  return (
    <div class="otp-form">
      {folded ? (
        <p key="customer" class="customer-line">
          <span class="who">{maskIdentifier(draft.identifierType, draft.identifierValue)}</span> · {draft.identifierType} · {draft.brand} ·{' '}
          {t('deviceShort', draft.deviceId)}
          <button type="button" class="link" onClick={onUnfold}>
            {t('change')}
          </button>
        </p>
      ) : (
        <fieldset key="customer" class="customer" disabled={frozen} onKeyDown={onKeyDown}>
          <legend>{t('customer')}</legend>
          <div class="row">
            <SelectField
              id="identifier-type"
              label={t('identifierType')}
              value={draft.identifierType}
              options={IDENTIFIER_TYPES}
              error={errors.identifierType}
              disabled={locked}
              onChange={(identifierType) => onChange({ ...draft, identifierType })}
            />
            <TextField
              id="identifier-value"
              label={t('identifierValue')}
              value={draft.identifierValue}
              error={errors.identifierValue}
              placeholder={VALUE_HINT[draft.identifierType]}
              inputMode={draft.identifierType === 'MOBILE' ? 'tel' : draft.identifierType === 'EMAIL' ? 'email' : 'text'}
              masked={hide}
              readOnly={locked}
              hint={!hide && sent !== draft.identifierValue.trim() ? t('sentAs', sent) : undefined}
              onInput={set('identifierValue')}
            />
          </div>
          <div class="row">
            <TextField
              id="device-id"
              label={t('deviceId')}
              value={draft.deviceId}
              error={errors.deviceId}
              readOnly={locked}
              onInput={set('deviceId')}
            />
            <TextField
              id="brand"
              label={t('brand')}
              value={draft.brand}
              error={errors.brand}
              list="brand-list"
              readOnly={locked}
              onInput={set('brand')}
            />
            <datalist id="brand-list">
              {brands.map((entry) => (
                <option key={entry.brand} value={entry.brand}>
                  {entry.apiBaseUrl ? clusterName(entry.apiBaseUrl) : t('defaultCluster')}
                </option>
              ))}
            </datalist>
          </div>
          {locked && <p class="note">{t('verifiedLocked')}</p>}
        </fieldset>
      )}
      <fieldset key="step" class={`step ${step}`} disabled={frozen} onKeyDown={onKeyDown}>
        <legend>{t(STEP_TITLE[step])}</legend>
        {step === 'start' && children}
        <div class="row end">
          <TextField
            id="session-id"
            label={t('sessionId')}
            value={draft.sessionId}
            error={errors.sessionId}
            placeholder={step === 'start' ? t('sessionIdHint') : 'P-…'}
            masked={hide}
            onInput={set('sessionId')}
          />
          <SendButton id="send-otp" label={t('sendOtp')} main={step === 'send'} busy={busy} cooldownLeft={cooldownLeft} onClick={onSend} />
        </div>
        {notes.map((note) => (
          <p key={note} class="note">
            {note}
          </p>
        ))}
        {step === 'code' && (
          <FieldForm class="code" label={t('validateOtp')} main busy={busy} onSubmit={onValidate}>
            <TextField
              id="otp"
              label={t('otp')}
              value={draft.otp}
              error={errors.otp}
              inputMode="numeric"
              secret
              masked={hide}
              onInput={set('otp')}
            />
          </FieldForm>
        )}
        {step === 'verified' && children}
      </fieldset>
    </div>
  );
}
