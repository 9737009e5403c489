import { FieldNote } from './FieldNote';

type Props = {
  id: string;
  label: string;
  value: string;
  error?: string;
  /** A line under the field, read with it by screen readers: what will be sent, when it differs from what was typed. */
  hint?: string;
  onInput(value: string): void;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  autoComplete?: string;
  placeholder?: string;
  /** Keeps a password manager and the browser's autofill history away from secrets like the OTP. */
  secret?: boolean;
  /** Shows dots instead of the characters (a token): a text field still, so no password manager offers to keep it. */
  masked?: boolean;
  /** The id of a datalist whose entries are offered while typing. */
  list?: string;
  /** Set by the organisation's policy: shown, not editable. */
  disabled?: boolean;
  /** Shown and focusable, not editable (a verified customer's identity). */
  readOnly?: boolean;
  maxLength?: number;
};

export function TextField({
  id,
  label,
  value,
  error,
  hint,
  onInput,
  inputMode,
  autoComplete = 'off',
  placeholder,
  secret,
  masked,
  list,
  disabled,
  readOnly,
  maxLength,
}: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        class={masked ? 'masked' : undefined}
        value={value}
        inputMode={inputMode}
        autoComplete={secret ? 'one-time-code' : autoComplete}
        spellcheck={false}
        dir="auto"
        placeholder={placeholder}
        list={list}
        disabled={disabled}
        readOnly={readOnly}
        maxLength={maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <FieldNote id={id} hint={hint} error={error} />
    </div>
  );
}
