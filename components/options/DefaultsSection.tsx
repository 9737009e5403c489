import { TextField } from '@/components/common/TextField';
import { t } from '@/lib/words/t';
import type { FieldPropsOf } from './field-props';

/** What a new customer's form starts with, how long a second SMS is held back, and when an idle session ends. */
export function DefaultsSection({ fieldProps }: { fieldProps: FieldPropsOf }) {
  return (
    <fieldset>
      <legend>{t('defaultsForNewCustomer')}</legend>
      <div class="row">
        <TextField id="default-brand" label={t('brand')} {...fieldProps('brand')} />
        <TextField id="default-device-id" label={t('deviceId')} {...fieldProps('deviceId')} />
      </div>
      <TextField id="cooldown" label={t('cooldownSeconds')} inputMode="numeric" {...fieldProps('cooldownSeconds')} />
      <TextField id="idle-minutes" label={t('idleMinutes')} inputMode="numeric" {...fieldProps('idleMinutes')} />
    </fieldset>
  );
}
