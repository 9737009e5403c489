import { FieldNote } from './FieldNote';

type Props<T extends string> = {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  /** What an option shows, when not its value (a code's words in the agent's language). */
  labels?: Partial<Record<T, string>>;
  error?: string;
  /** A line under the field, read with it by screen readers. */
  hint?: string;
  /** Set by the organisation's policy: shown, not editable. */
  disabled?: boolean;
  onChange(value: T): void;
};

export function SelectField<T extends string>({ id, label, value, options, labels, error, hint, disabled, onChange }: Props<T>) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.value as T)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labels?.[option] ?? option}
          </option>
        ))}
      </select>
      <FieldNote id={id} hint={hint} error={error} />
    </div>
  );
}
