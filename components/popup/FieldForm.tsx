import type { ComponentChildren } from 'preact';

type Props = {
  class?: string;
  /** The button's words. */
  label: string;
  /** The step's main button, or a secondary one. */
  main: boolean;
  busy: boolean;
  onSubmit(): void;
  /** The one field. */
  children: ComponentChildren;
};

/** One field and the button that acts on it, Enter in the field alike: the authorized token, a code from the customer. */
export function FieldForm({ class: className, label, main, busy, onSubmit, children }: Props) {
  return (
    <form
      class={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <div class="row end">
        {children}
        <button type="submit" class={main ? 'primary' : undefined} disabled={busy}>
          {label}
        </button>
      </div>
    </form>
  );
}
