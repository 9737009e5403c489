/** A field’s hint, or its error in place of the hint, with the id the field names in aria-describedby. */
export function FieldNote({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  if (error) {
    return (
      <p class="field-error" id={`${id}-error`}>
        {error}
      </p>
    );
  }
  return hint ? (
    <p class="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}
