import { t } from '@/lib/words/t';

type Props = {
  id?: string;
  label: string;
  /** The step's main button, or a secondary one. */
  main: boolean;
  busy: boolean;
  /** Seconds until the customer's cooldown ends (0: none). */
  cooldownLeft: number;
  onClick(): void;
};

/** A button that sends the customer an SMS (Send OTP, Send first-factor OTP): it waits while a call is out or the customer's cooldown runs, and says how long. */
export function SendButton({ id, label, main, busy, cooldownLeft, onClick }: Props) {
  return (
    <button id={id} type="button" class={main ? 'primary' : undefined} disabled={busy || cooldownLeft > 0} onClick={onClick}>
      {label}
      {cooldownLeft > 0 && <span class="countdown">{` ${t('secondsLeft', String(cooldownLeft))}`}</span>}
    </button>
  );
}
