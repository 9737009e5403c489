import type { ComponentChildren } from 'preact';
import { SelectField } from '@/components/common/SelectField';
import { TextField } from '@/components/common/TextField';
import { clusterName } from '@/lib/model/capillary/clusters';
import { canonicalIdentifier, IDENTIFIER_TYPES, type IdentifierType } from '@/lib/model/capillary/identifier';
import { MAX_REFERENCE } from '@/lib/model/desk/desk-keys';
import type { Draft } from '@/lib/model/desk/stored';
import type { BrandCluster } from '@/lib/model/settings/settings';
import { t } from '@/lib/words/t';

type Props = {
  draft: Draft;
  /** The brand list from Settings: offered while typing a brand, each with the cluster it picks. */
  brands: readonly BrandCluster[];
  errors: Record<string, string>;
  busy: boolean;
  /** Another customer is being opened: nothing typed now may land in this one's fields. */
  frozen?: boolean;
  /** Screen-share mode: the identifier value, session ID and OTP show as dots. */
  hide: boolean;
  /** Seconds before Send OTP may be used again for this brand and identifier; 0 when it may. */
  cooldownLeft: number;
  onChange(draft: Draft): void;
  onSend(): void;
  /** Enter in a customer field: Send OTP, or start the session while Session ID is empty. */
  onEnter(): void;
  onValidate(): void;
  /** Shown under Session ID: the session-start step while it is empty. */
  children?: ComponentChildren;
};

const VALUE_HINT: Record<IdentifierType, string> = {
  MOBILE: '18767431754',
  EMAIL: 'name@example.com',
  USERNAME: 'username',
  EXTERNALID: 'external ID',
};

export function OtpForm({
  draft,
  brands,
  errors,
  busy,
  frozen,
  hide,
  cooldownLeft,
  onChange,
  onSend,
  onEnter,
  onValidate,
  children,
}: Props) {
  const set = (field: keyof Draft) => (value: string) => onChange({ ...draft, [field]: value });
  // What will be sent, when it is not what was typed ("+91 98765-43210" goes as 919876543210); never in screen-share mode.
  const sent = canonicalIdentifier(draft.identifierType, draft.identifierValue);
  return (
    <div class="otp-form">
      <fieldset
        class="customer"
        disabled={frozen}
        onKeyDown={(event) => {
          // Not in the session-start step's own forms, whose Enter submits them.
          const target = event.target as HTMLElement;
          if (event.key === 'Enter' && target.tagName === 'INPUT' && !target.closest('form')) {
            event.preventDefault();
            onEnter();
          }
        }}
      >
        <legend>{t('customer')}</legend>
        <div class="row">
          <SelectField
            id="identifier-type"
            label={t('identifierType')}
            value={draft.identifierType}
            options={IDENTIFIER_TYPES}
            error={errors.identifierType}
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
            hint={!hide && sent !== draft.identifierValue.trim() ? t('sentAs', sent) : undefined}
            onInput={set('identifierValue')}
          />
        </div>
        <div class="row">
          <TextField id="device-id" label={t('deviceId')} value={draft.deviceId} error={errors.deviceId} onInput={set('deviceId')} />
          <TextField id="brand" label={t('brand')} value={draft.brand} error={errors.brand} list="brand-list" onInput={set('brand')} />
          <datalist id="brand-list">
            {brands.map((entry) => (
              <option key={entry.brand} value={entry.brand}>
                {entry.apiBaseUrl ? clusterName(entry.apiBaseUrl) : t('defaultCluster')}
              </option>
            ))}
          </datalist>
        </div>
        <TextField
          id="session-id"
          label={t('sessionId')}
          value={draft.sessionId}
          error={errors.sessionId}
          placeholder="P-…"
          masked={hide}
          onInput={set('sessionId')}
        />
        <TextField
          id="reference"
          label={t('reference')}
          value={draft.reference}
          maxLength={MAX_REFERENCE}
          placeholder="#48213"
          onInput={set('reference')}
        />
        {children}
        {/* The main action once there is a session; before, starting one is, and Send OTP only says what is missing. */}
        <button type="button" class={draft.sessionId.trim() ? 'primary' : undefined} disabled={busy || cooldownLeft > 0} onClick={onSend}>
          {t('sendOtp')}
          {cooldownLeft > 0 && <span class="countdown">{` (${cooldownLeft} s)`}</span>}
        </button>
      </fieldset>
      <form
        class="code"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onValidate();
        }}
      >
        <fieldset disabled={frozen}>
          <legend>{t('codeFromCustomer')}</legend>
          <div class="row end">
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
            <button type="submit" class="primary" disabled={busy}>
              {t('validateOtp')}
            </button>
          </div>
        </fieldset>
      </form>
    </div>
  );
}
