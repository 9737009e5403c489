import { useEffect, useRef } from 'preact/hooks';

/**
 * Focus for a field named now that may be on screen, or usable, only a moment later (the first-factor OTP field
 * appears after its code is sent; a new customer's fields are disabled until it is open): tried at once and after
 * every render until the field has it.
 */
export function useFocusNext(): (field: string | null) => void {
  const next = useRef<string | null>(null);
  const focusPending = () => {
    const field = next.current ? document.getElementById(next.current) : null;
    field?.focus();
    if (field && document.activeElement === field) next.current = null;
  };
  useEffect(focusPending);
  return (field) => {
    next.current = field;
    focusPending();
  };
}
