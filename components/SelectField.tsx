type Props<T extends string> = {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  error?: string;
  onChange(value: T): void;
};

export function SelectField<T extends string>({ id, label, value, options, error, onChange }: Props<T>) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.currentTarget.value as T)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
