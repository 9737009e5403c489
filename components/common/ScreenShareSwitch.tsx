import { t } from '@/lib/words/t';

type Props = { on: boolean; onChange(on: boolean): void };

/**
 * One setting for the popup and the side panel, kept until turned off: while on, no identifier value, session ID,
 * token, key or OTP can be read on screen, typed ones included, and nothing can be revealed.
 */
export function ScreenShareSwitch({ on, onChange }: Props) {
  return (
    <label class="inline">
      <input type="checkbox" role="switch" checked={on} aria-checked={on} onChange={(event) => onChange(event.currentTarget.checked)} />
      {t('screenShareMode')}
    </label>
  );
}
